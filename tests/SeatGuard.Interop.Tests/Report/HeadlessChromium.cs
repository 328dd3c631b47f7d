using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Report;

/// <summary>
/// Debian's headless Chromium (installed by .ci/run), run with a clean environment, a throw-away
/// profile and no network features. Fails loudly when it is not installed.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "seatguard-chromium-" + Guid.NewGuid().ToString("N")[..12]);

    public HeadlessChromium() => Directory.CreateDirectory(_root);

    public static string Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("chromium is not installed: run 'bash .ci/run' (or 'apt-get install -y chromium') first.");

    /// <summary>The DOM after the page's scripts ran, laid out in a window of the given size.</summary>
    public async Task<string> DumpDomAsync(string htmlFile, int width = 1280, int height = 2000)
    {
        var r = await RunAsync("--dump-dom", $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri);
        r.ExitCode.ShouldBe(0, r.ToString());
        return r.StdOut;
    }

    /// <summary>A PNG of the page at the given window size.</summary>
    public async Task<byte[]> ScreenshotAsync(string htmlFile, int width, int height)
    {
        var png = Path.Combine(_root, "page.png");
        var r = await RunAsync($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        r.ExitCode.ShouldBe(0, r.ToString());
        File.Exists(png).ShouldBeTrue(r.ToString());
        return await File.ReadAllBytesAsync(png);
    }

    private Task<ProcessResult> RunAsync(params string[] args)
    {
        string[] common =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--run-all-compositor-stages-before-draw", $"--user-data-dir={Path.Combine(_root, "profile")}",
        ];
        return ProcessRunner.RunAsync(Executable, common.Concat(args), ProcessRunner.CleanEnvironment(_root), _root, timeout: TimeSpan.FromSeconds(120));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
