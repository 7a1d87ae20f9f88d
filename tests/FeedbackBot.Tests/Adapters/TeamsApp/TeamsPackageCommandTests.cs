using System.IO.Compression;
using System.Text.Json.Nodes;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Adapters.TeamsApp;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private readonly TempFolder _folder = new();

    private string ZipPath => Path.Combine(_folder.Path, "app.zip");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Package_ValidAppId_WritesZipWithManifestAndIconsAtRoot()
    {
        var run = await Package("--app-id", AppId.ToUpperInvariant(), "--out", ZipPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Wrote {ZipPath}", run.Out);
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = ReadManifest(zip);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        Assert.Empty(manifest["validDomains"]!.AsArray());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_ValidAppId_IconsHaveTeamsSizesAndOutlineIsWhiteOnTransparent()
    {
        await Package("--app-id", AppId, "--out", ZipPath);

        using var zip = ZipFile.OpenRead(ZipPath);
        var manifest = ReadManifest(zip);
        var color = PngImage.Decode(ReadEntry(zip, (string)manifest["icons"]!["color"]!));
        var outline = PngImage.Decode(ReadEntry(zip, (string)manifest["icons"]!["outline"]!));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(outline.Pixels(), p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is neither white nor transparent"));
        Assert.Contains(outline.Pixels(), p => p.A == 255);
        Assert.Contains(outline.Pixels(), p => p.A == 0);
        var accent = Convert.FromHexString(((string)manifest["accentColor"]!)[1..]);
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), color[0, 0]);
    }

    [Fact]
    public async Task Package_BotDomainAndVersion_FillValidDomainsAndVersion()
    {
        var run = await Package("--app-id", AppId, "--bot-domain", "Feedback.Contoso.com", "--version", "2.3.4", "--out", ZipPath);

        Assert.Equal(0, run.ExitCode);
        using var zip = ZipFile.OpenRead(ZipPath);
        var manifest = ReadManifest(zip);
        Assert.Equal(["feedback.contoso.com"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Contains("version 2.3.4, valid domains: feedback.contoso.com", run.Out);
    }

    [Fact]
    public async Task Package_AppIdOmitted_UsesTeamsAppIdSetting()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Teams:AppId"] = AppId }, "teams", "package", "--out", ZipPath);

        Assert.Equal(0, run.ExitCode);
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(AppId, (string?)ReadManifest(zip)["id"]);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Package_BadAppId_ExitsTwoAndWritesNothing(string appId)
    {
        var run = await Package("--app-id", appId, "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--app-id ", run.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.False(File.Exists(ZipPath));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Package_BadTeamsAppIdSetting_ExitsTwoNamingTheSetting()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "my-bot" }, "teams", "package", "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Teams:AppId must be the bot's Microsoft App ID", run.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Package_NoAppIdAnywhere_ExitsTwoNamingOptionAndSetting()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "" }, "teams", "package", "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        var error = run.ErrorLines.Single();
        Assert.Contains("--app-id", error);
        Assert.Contains("Teams:AppId", error);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("--bot-domain", "https://feedback.contoso.com/api/messages")]
    [InlineData("--bot-domain", "feedback.contoso.com:443")]
    [InlineData("--version", "1.0")]
    [InlineData("--version", "v1.0.0")]
    public async Task Package_BadBotDomainOrVersion_ExitsTwoAndWritesNothing(string option, string value)
    {
        var run = await Package("--app-id", AppId, option, value, "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{option} must be", run.ErrorLines.Single(), StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Package_OutFileExists_ReplacesItAndSaysSo()
    {
        await File.WriteAllTextAsync(ZipPath, "an older package");

        var run = await Package("--app-id", AppId, "--out", ZipPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("replaced the file that was there", run.Out);
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(AppId, (string?)ReadManifest(zip)["id"]);
        Assert.Equal([ZipPath], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Package_OutFolderMissing_ExitsTwoAndWritesNothing()
    {
        var run = await Package("--app-id", AppId, "--out", Path.Combine(_folder.Path, "missing", "app.zip"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.ErrorLines.Single());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task Package_ManifestBreaksTeamsLimits_ExitsTwoListingEveryProblemAndWritesNothing()
    {
        var source = CopyCheckedInManifest(manifest =>
        {
            manifest["name"]!["short"] = new string('n', 31);
            manifest["accentColor"] = "blue";
            manifest["developer"]!["privacyUrl"] = "http://example.com/privacy";
            var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            commands[0]!["title"] = new string('t', 33);
            commands[1]!["description"] = new string('d', 129);
            while (commands.Count < 11)
            {
                commands.Add(new JsonObject { ["title"] = $"extra {commands.Count}", ["description"] = "One more." });
            }
        });

        var run = await Package("--app-id", AppId, "--manifest-dir", source, "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        var errors = run.ErrorLines;
        Assert.Contains(errors, e => e.EndsWith("name.short: 31 characters; at most 30.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("accentColor: must be an HTML colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("developer.privacyUrl: must be an https:// address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("bots[0].commandLists[0].commands[0].title: 33 characters; at most 32.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("bots[0].commandLists[0].commands[1].description: 129 characters; at most 128.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("bots[0].commandLists[0].commands: 11 commands; Teams shows at most 10 per list.", StringComparison.Ordinal));
        Assert.Equal("No package was written: 6 error(s).", errors[^1]);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Package_IconOfWrongSize_ExitsTwoNamingTheSizes()
    {
        var source = CopyCheckedInManifest(manifest => manifest["icons"]!["color"] = "outline.png");

        var run = await Package("--app-id", AppId, "--manifest-dir", source, "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, e => e.EndsWith("is 32x32 pixels; Teams needs 192x192.", StringComparison.Ordinal) && e.Contains("icons.color:", StringComparison.Ordinal));
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Package_IdHardCodedInManifest_ExitsTwoAskingForThePlaceholder()
    {
        var source = CopyCheckedInManifest(manifest => manifest["id"] = "11111111-2222-3333-4444-555555555555");

        var run = await Package("--app-id", AppId, "--manifest-dir", source, "--out", ZipPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, e => e.EndsWith($"id: is 11111111-2222-3333-4444-555555555555, not the bot's App ID {AppId}; write {{{{TEAMS_APP_ID}}}} there.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Package_BuiltExecutableWithoutOut_WritesDefaultZipInWorkingFolder()
    {
        await using var bot = BotProcess.Start(_folder.Path, new Dictionary<string, string>(), "teams", "package", "--app-id", AppId);

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromMinutes(1)), "the command did not finish");
        Assert.True(bot.ExitCode == 0, bot.Error);
        using var zip = ZipFile.OpenRead(Path.Combine(_folder.Path, "feedbackbot-teams.zip"));
        Assert.Equal(AppId, (string?)ReadManifest(zip)["bots"]![0]!["botId"]);
        Assert.Contains("example.com", bot.Error);
    }

    [Fact]
    public async Task Help_TeamsPackage_PrintsUsageWithEveryOption()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "teams", "package", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--app-id", "--bot-domain", "--version", "--out", "--manifest-dir" })
        {
            Assert.Contains(option, run.Out);
        }
    }

    private static Task<CliRun> Package(params string[] args) =>
        CliRun.RunAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "" }, ["teams", "package", .. args]);

    private static JsonObject ReadManifest(ZipArchive zip) =>
        JsonNode.Parse(ReadEntry(zip, "manifest.json"))!.AsObject();

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string CopyCheckedInManifest(Action<JsonObject> change)
    {
        var source = Path.Combine(RepositoryPaths.Root, "manifests", "teams");
        var target = Directory.CreateDirectory(Path.Combine(_folder.Path, "manifest")).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "manifest.json")))!.AsObject();
        change(manifest);
        File.WriteAllText(Path.Combine(target, "manifest.json"), manifest.ToJsonString());
        return target;
    }
}
