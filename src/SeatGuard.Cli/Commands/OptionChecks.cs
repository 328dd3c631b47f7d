using System.CommandLine;
using System.CommandLine.Parsing;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// Checks of option values at parse time, so a bad value is one plain line and exit 2 before anything runs:
/// numbers below their minimum, a directory where a file is expected.
/// </summary>
public static class OptionChecks
{
    /// <summary>The value must be at least <paramref name="min"/>.</summary>
    public static Option<int> AtLeast(this Option<int> option, int min)
    {
        option.Validators.Add(r => { if (Value<int>(r) is { } v && v < min) r.AddError($"{option.Name} must be at least {min}, not {v}"); });
        return option;
    }

    /// <summary>The value must be at least <paramref name="min"/>.</summary>
    public static Option<long> AtLeast(this Option<long> option, long min)
    {
        option.Validators.Add(r => { if (Value<long>(r) is { } v && v < min) r.AddError($"{option.Name} must be at least {min}, not {v}"); });
        return option;
    }

    /// <summary>The value names a file (to read or to write), so it must not be an existing directory.</summary>
    public static T FilePath<T>(this T option) where T : Option
    {
        option.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
            if (string.IsNullOrEmpty(value)) return;
            if (Directory.Exists(Path.GetFullPath(value))) r.AddError($"{option.Name} {value}: is a directory, not a file");
        });
        return option;
    }

    private static T? Value<T>(OptionResult result) where T : struct
    {
        try
        {
            return result.Tokens.Count == 0 ? null : result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return null; // the conversion error is reported on its own
        }
    }
}
