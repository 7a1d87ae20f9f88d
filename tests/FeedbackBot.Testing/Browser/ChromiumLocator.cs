using System.Diagnostics;

namespace FeedbackBot.Testing.Browser;

/// <summary>
/// Finds the machine's Chromium for browser tests: FEEDBACKBOT_TEST_CHROMIUM when set, else Debian's package. As
/// root it installs Debian's package when missing, one test process at a time; otherwise it fails with what to do.
/// Browser tests never skip: CI installs Chromium (.ci/run), so a missing browser is an error worth seeing.
/// </summary>
public static class ChromiumLocator
{
    public const string ExecutableVariable = "FEEDBACKBOT_TEST_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private static readonly string InstallLock = Path.Combine(Path.GetTempPath(), "feedbackbot-chromium-install.lock");
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task<string> FindOrInstallAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{ExecutableVariable} is set to '{configured}', but no such file exists.");
        }

        if (Find() is { } found)
        {
            return found;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"Chromium not found (looked for {string.Join(", ", Candidates)}). Install it (Debian: apt-get install chromium) " +
                $"or set {ExecutableVariable} to a Chromium or Chrome executable.");
        }

        await InProcess.WaitAsync();
        try
        {
            using var crossProcess = await AcquireLockAsync(TimeSpan.FromMinutes(15));
            // Another test process may have installed it while this one waited for the lock.
            return Find() ?? await InstallAsync();
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static string? Find() => Candidates.FirstOrDefault(File.Exists);

    private static async Task<string> InstallAsync()
    {
        var first = await AptGetAsync("install", "-y", "-qq", "chromium");
        if (first.ExitCode != 0)
        {
            // A fresh machine has no package lists yet.
            await AptGetAsync("update", "-qq");
            var second = await AptGetAsync("install", "-y", "-qq", "chromium");
            if (second.ExitCode != 0)
            {
                throw new InvalidOperationException($"apt-get install chromium failed with exit code {second.ExitCode}: {second.Output}");
            }
        }

        return Find() ?? throw new InvalidOperationException(
            $"apt-get installed chromium, but none of {string.Join(", ", Candidates)} exists; set {ExecutableVariable}.");
    }

    private static async Task<(int ExitCode, string Output)> AptGetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start apt-get.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = (await stderr + await stdout).Trim();
        return (process.ExitCode, output.Length > 2000 ? output[^2000..] : output);
    }

    private static async Task<FileStream> AcquireLockAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(InstallLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
