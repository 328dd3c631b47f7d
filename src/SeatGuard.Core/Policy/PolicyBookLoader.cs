using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Policy;

/// <summary>
/// Loads the embedded policy book and merges a user file over it. Entries (tiers, questions,
/// scenarios, events, sources) are matched by id: fields given in the user file replace the book's,
/// new ids are added. Every problem is reported with the file and line at fault.
/// </summary>
public static partial class PolicyBookLoader
{
    /// <summary>The embedded book's resource name.</summary>
    public const string EmbeddedName = "policy-book.yaml";
    /// <summary>The user's policy file name in SeatGuard's config directory.</summary>
    public const string UserFileName = "policy.yaml";
    /// <summary>The file name of an installed base book (one <c>policy update</c> put in SeatGuard's config directory; see <see cref="InstalledPath"/>).</summary>
    public const string InstalledFileName = "policy-book.yaml";

    private static readonly Lazy<PolicyBook> Embedded = new(() => Load([(EmbeddedName, ReadEmbedded())]));

    /// <summary>The embedded book alone (parsed once; the book is immutable).</summary>
    public static PolicyBook LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// The book in force plus the user file: the base is the book <c>policy update</c> installed in SeatGuard's config
    /// directory when it is valid and not older than the embedded one (or was installed with --force), else the
    /// embedded book; over it <paramref name="explicitFile"/> when given (it must exist), else <c>policy.yaml</c> in
    /// SeatGuard's config directory when present.
    /// </summary>
    public static PolicyBook Load(HostContext host, string? explicitFile = null)
    {
        var files = new List<(string Name, string Text)> { BaseBook(host) };
        var user = UserFile(host, explicitFile);
        if (user is not null) files.Add((user, UserFiles.ReadText(user, "policy file", m => new PolicyDataException(user, 0, m))));
        return Load(files);
    }

    /// <summary>Where <c>policy update</c> keeps the book it installed.</summary>
    public static string InstalledPath(HostContext host) => Path.Combine(ClaudePaths.SeatGuardConfigDir(host), InstalledFileName);

    /// <summary>The base book in force, as (name, text): the installed one when it applies, else the embedded one.</summary>
    public static (string Name, string Text) BaseBook(HostContext host)
    {
        var path = InstalledPath(host);
        try
        {
            if (SafeFile.ReadAllText(path, SafeFile.DataLimit) is { } text)
            {
                var installed = Load([(path, text)]);
                if (PolicyVersion.Compare(installed, LoadEmbedded()) >= 0 || InstalledMeta(host)?.Forced == true) return (path, text);
            }
        }
        catch (Exception e) when (e is PolicyDataException or IOException or UnauthorizedAccessException)
        {
            // A broken or unreadable install never takes the built-in book away.
        }
        return (EmbeddedName, ReadEmbedded());
    }

    /// <summary>What <c>policy update</c> recorded about the installed book, or null.</summary>
    public static InstalledPolicyBook? InstalledMeta(HostContext host)
    {
        try
        {
            var bytes = SafeFile.ReadAllBytes(Path.ChangeExtension(InstalledPath(host), ".json"), SafeFile.ConfigLimit);
            return bytes is null ? null : System.Text.Json.JsonSerializer.Deserialize(bytes, PolicyJson.Default.InstalledPolicyBook);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The version and date of the embedded book, read from its header without parsing the whole book.</summary>
    public static PolicyBookId EmbeddedId => EmbeddedHeader.Value;

    private static readonly Lazy<PolicyBookId> EmbeddedHeader = new(() =>
    {
        string version = "", date = "";
        foreach (var line in ReadEmbedded().Split('\n'))
        {
            if (line.StartsWith("version:", StringComparison.Ordinal)) version = line[8..].Trim().Trim('"', '\'');
            else if (line.StartsWith("date:", StringComparison.Ordinal)) date = line[5..].Trim().Trim('"', '\'');
            if (version.Length > 0 && date.Length > 0) break;
        }
        return new PolicyBookId(version, date);
    });

    /// <summary>The user override file that applies here, or null.</summary>
    public static string? UserFile(HostContext host, string? explicitFile)
    {
        if (!string.IsNullOrEmpty(explicitFile))
        {
            var path = Path.IsPathRooted(explicitFile) ? explicitFile : Path.GetFullPath(Path.Combine(host.WorkingDirectory, explicitFile));
            if (!File.Exists(path)) throw new InputException($"policy file not found: {explicitFile}");
            return path;
        }
        var configured = Path.Combine(ClaudePaths.SeatGuardConfigDir(host), UserFileName);
        return File.Exists(configured) ? configured : null;
    }

    /// <summary>Merges the given files in order (the first is the base book) and validates the result.</summary>
    public static PolicyBook Load(IReadOnlyList<(string Name, string Text)> files)
    {
        var state = new MergeState();
        for (int i = 0; i < files.Count; i++) state.Merge(Parse(files[i].Name, files[i].Text), isBase: i == 0);
        return state.Build(files.Select(f => f.Name).ToArray());
    }

    internal static string ReadEmbedded() => EmbeddedText.Value;

    private static readonly Lazy<string> EmbeddedText = new(() => EmbeddedData.ReadText(EmbeddedName));
    private static readonly Lazy<YamlMap> EmbeddedDocument = new(() => YamlMap.Parse(EmbeddedText.Value, EmbeddedName));

    /// <summary>The embedded book's text is parsed once per process (the parsed document is only read); any other file each time.</summary>
    private static YamlMap Parse(string name, string text) =>
        name == EmbeddedName && string.Equals(text, EmbeddedText.Value, StringComparison.Ordinal) ? EmbeddedDocument.Value : YamlMap.Parse(text, name);

    /// <summary>Orders partial dates (2026-04) after the known days of that period; the sort is stable, so the book's order breaks ties.</summary>
    private static string SortKey(string date) => date.Length switch { 4 => date + "-99-99", 7 => date + "-99", _ => date };

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex DatePattern();

    private static readonly string[] YesNo = ["yes", "no"];

    /// <summary>What each section's entries may contain.</summary>
    private sealed record Field(string Name, bool IsList = false, bool Required = true, IReadOnlyList<string>? Allowed = null, int Count = 0);

    private static readonly Dictionary<string, Field[]> Sections = new()
    {
        ["tiers"] = [new("title"), new("credential", Allowed: Recommendations.Names), new("summary")],
        ["questions"] =
        [
            new("text"), new("why"), new("concern", Allowed: YesNo), new("tier", Allowed: Tiers.Names),
            new("credential", Allowed: Recommendations.Names), new("ifYes"), new("ifNo"), new("sources", IsList: true),
        ],
        ["scenarios"] =
        [
            new("title"), new("tier", Allowed: Tiers.Names), new("credential", Allowed: Recommendations.Names),
            new("answers", IsList: true, Required: false, Allowed: YesNo, Count: 5), new("why"), new("sources", IsList: true),
        ],
        ["events"] =
        [
            new("date"), new("title"), new("summary"), new("scenarios", IsList: true, Required: false), new("sources", IsList: true),
        ],
        ["sources"] = [new("title"), new("url"), new("read")],
        ["rule"] = [new("summary"), new("detail"), new("sources", IsList: true)],
    };

    private static readonly string[] TopLevelKeys = ["version", "date", "rule", "tiers", "questions", "scenarios", "events", "sources", UsageCreditBook.SectionName];

    /// <summary>A field's value and where it was written.</summary>
    private sealed record Located(object Value, string File, long Line);

    /// <summary>One entry (by id) as merged so far.</summary>
    private sealed class Entry(string id, string file, long line)
    {
        public string Id { get; } = id;
        public string File { get; set; } = file;
        public long Line { get; set; } = line;
        public Dictionary<string, Located> Fields { get; } = new(StringComparer.Ordinal);

        public string Text(string name) => Fields.TryGetValue(name, out var v) ? (string)v.Value : "";
        public string? OptionalText(string name) => Fields.TryGetValue(name, out var v) ? (string)v.Value : null;
        public IReadOnlyList<string> List(string name) => Fields.TryGetValue(name, out var v) ? (IReadOnlyList<string>)v.Value : [];
    }

    private sealed class MergeState
    {
        private string? _version, _date;
        private readonly Dictionary<string, List<Entry>> _sections = Sections.Keys.ToDictionary(k => k, _ => new List<Entry>());

        public void Merge(YamlMap doc, bool isBase)
        {
            doc.OnlyKeys(TopLevelKeys);
            _version = doc.Text("version") ?? _version;
            var date = doc.Text("date");
            if (date is not null)
            {
                if (!DatePattern().IsMatch(date) || date.Length != 10) throw new PolicyDataException(doc.File, doc.LineOf("date"), $"'date' must be YYYY-MM-DD, not '{date}'");
                _date = date;
            }
            if (doc.Map("rule") is { } rule) MergeEntry("rule", "rule", rule);
            foreach (var section in new[] { "tiers", "questions", "scenarios", "events", "sources" })
            {
                foreach (var map in doc.Maps(section))
                {
                    var id = map.Text("id") ?? throw map.Error($"every entry of '{section}' needs an 'id'");
                    if (!isBase && section == "questions" && _sections["questions"].All(e => e.Id != id))
                        throw new PolicyDataException(map.File, map.LineOf("id"), $"unknown question '{id}': the framework has exactly the questions q1 to q5; a user file can only change their texts");
                    if (!isBase && section == "tiers" && _sections["tiers"].All(e => e.Id != id))
                        throw new PolicyDataException(map.File, map.LineOf("id"), $"unknown tier '{id}': the tiers are {string.Join(", ", Tiers.Names)}");
                    MergeEntry(section, id, map);
                }
            }
        }

        private void MergeEntry(string section, string id, YamlMap map)
        {
            var fields = Sections[section];
            map.OnlyKeys(["id", .. fields.Select(f => f.Name)]);
            var list = _sections[section];
            var entry = list.FirstOrDefault(e => e.Id == id);
            if (entry is null) list.Add(entry = new Entry(id, map.File, map.Line));
            else if (entry.File == map.File) throw new PolicyDataException(map.File, map.Line, $"'{id}' appears twice in '{section}'");
            else (entry.File, entry.Line) = (map.File, map.Line);

            foreach (var field in fields)
            {
                if (!map.Has(field.Name)) continue;
                long line = map.LineOf(field.Name);
                if (field.IsList)
                {
                    var values = map.List(field.Name)!;
                    if (field.Allowed == YesNo) values = values.Select(v => YamlMap.ParseYesNo(v) switch { true => "yes", false => "no", null => v }).ToArray();
                    if (field.Allowed is not null && values.FirstOrDefault(v => !field.Allowed.Contains(v)) is { } bad)
                        throw new PolicyDataException(map.File, line, $"'{field.Name}' has '{bad}' (allowed: {string.Join(", ", field.Allowed)})");
                    if (field.Count > 0 && values.Count != field.Count)
                        throw new PolicyDataException(map.File, line, $"'{field.Name}' needs exactly {field.Count} values, found {values.Count}");
                    entry.Fields[field.Name] = new Located(values, map.File, line);
                }
                else
                {
                    var value = map.Text(field.Name);
                    if (value is null)
                    {
                        if (field.Required) throw new PolicyDataException(map.File, line, $"'{field.Name}' is empty");
                        entry.Fields.Remove(field.Name);
                        continue;
                    }
                    if (field.Allowed == YesNo) value = YamlMap.ParseYesNo(value) switch { true => "yes", false => "no", null => value };
                    if (field.Allowed is not null && !field.Allowed.Contains(value))
                        throw new PolicyDataException(map.File, line, $"'{field.Name}' is '{value}' (allowed: {string.Join(", ", field.Allowed)})");
                    if (section == "events" && field.Name == "date" && !DatePattern().IsMatch(value))
                        throw new PolicyDataException(map.File, line, $"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'");
                    if (section == "sources" && field.Name == "read" && !DateOnly.TryParseExact(value, "yyyy-MM-dd", out _))
                        throw new PolicyDataException(map.File, line, $"'read' (the day the source was last read) must be YYYY-MM-DD, not '{value}'");
                    if (section == "sources" && field.Name == "url"
                        && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
                        throw new PolicyDataException(map.File, line, $"'url' must be an http(s) address, not '{value}'");
                    entry.Fields[field.Name] = new Located(value, map.File, line);
                }
            }
        }

        public PolicyBook Build(IReadOnlyList<string> files)
        {
            string first = files[0];
            foreach (var (section, entries) in _sections)
            {
                foreach (var entry in entries)
                {
                    var missing = Sections[section].FirstOrDefault(f => f.Required && !entry.Fields.ContainsKey(f.Name));
                    if (missing is not null) throw new PolicyDataException(entry.File, entry.Line, $"'{entry.Id}' in '{section}' has no '{missing.Name}'");
                }
            }
            if (_version is null) throw new PolicyDataException(first, 1, "the policy book has no 'version'");
            if (_date is null) throw new PolicyDataException(first, 1, "the policy book has no 'date'");
            var ruleEntry = _sections["rule"].SingleOrDefault() ?? throw new PolicyDataException(first, 1, "the policy book has no 'rule'");

            var sourceIds = _sections["sources"].Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var scenarioIds = _sections["scenarios"].Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in _sections.Values.SelectMany(e => e))
            {
                CheckRefs(entry, "sources", sourceIds, "source");
                CheckRefs(entry, "scenarios", scenarioIds, "scenario");
            }

            var tiers = _sections["tiers"];
            var tierIds = tiers.Select(t => t.Id).ToArray();
            if (!tierIds.Order().SequenceEqual(Tiers.Names.Order()))
                throw new PolicyDataException(first, 1, $"the policy book must define exactly the tiers {string.Join(", ", Tiers.Names)}");
            var questions = _sections["questions"];
            var questionIds = questions.Select(q => q.Id).ToArray();
            if (!questionIds.SequenceEqual(["q1", "q2", "q3", "q4", "q5"]))
                throw new PolicyDataException(first, 1, "the policy book must define the questions q1 to q5, in that order");

            return new PolicyBook(
                _version,
                _date,
                new PolicyRule(ruleEntry.Text("summary"), ruleEntry.Text("detail"), ruleEntry.List("sources")),
                tiers.Select(t => new PolicyTier(Tiers.Parse(t.Id), t.Text("title"), Recommendations.Parse(t.Text("credential")), t.Text("summary"))).OrderBy(t => t.Id).ToArray(),
                questions.Select(q => new PolicyQuestion(q.Id, q.Text("text"), q.Text("why"), q.Text("concern"), Tiers.Parse(q.Text("tier")),
                    Recommendations.Parse(q.Text("credential")), q.Text("ifYes"), q.Text("ifNo"), q.List("sources"))).ToArray(),
                _sections["scenarios"].Select(s => new PolicyScenario(s.Id, s.Text("title"), Tiers.Parse(s.Text("tier")), Recommendations.Parse(s.Text("credential")),
                    s.List("answers"), s.Text("why"), s.List("sources"))).ToArray(),
                _sections["events"].Select(e => new PolicyEvent(e.Id, e.Text("date"), e.Text("title"), e.Text("summary"),
                    e.List("scenarios"), e.List("sources"))).OrderBy(e => SortKey(e.Date), StringComparer.Ordinal).ToArray(),
                _sections["sources"].Select(s => new PolicySource(s.Id, s.Text("title"), s.Text("url"), DateOnly.ParseExact(s.Text("read"), "yyyy-MM-dd"))).ToArray(),
                files);
        }

        private static void CheckRefs(Entry entry, string field, HashSet<string> known, string what)
        {
            if (!entry.Fields.TryGetValue(field, out var located)) return;
            foreach (var id in (IReadOnlyList<string>)located.Value)
            {
                if (!known.Contains(id))
                    throw new PolicyDataException(located.File, located.Line, $"'{entry.Id}' refers to unknown {what} '{id}'");
            }
        }
    }
}
