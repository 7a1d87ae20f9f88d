using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using YamlDotNet.RepresentationModel;
using static FeedbackBot.Tests.Infra.InfraFiles;

namespace FeedbackBot.Tests.Infra;

/// <summary>
/// What can be checked of infra/ without pulling an image: the files parse, they set only real settings, secrets come
/// from secret stores, ports and probes are the ones the bot serves, and the Dockerfile's command starts the bot.
/// </summary>
public sealed partial class InfraFilesTests
{
    [Fact]
    public void YamlFiles_Load_EveryDocumentIsAMapping()
    {
        var files = YamlFiles();

        Assert.Contains(files, f => f.EndsWith(Path.Combine("compose", "compose.yaml"), StringComparison.Ordinal));
        Assert.All(files, file => Assert.NotEmpty(Documents(file)));
    }

    [Fact]
    public void Kustomization_Resources_AreFilesBesideIt()
    {
        var kustomization = Documents(Path.Combine(Root, "k8s", "kustomization.yaml")).Single();

        Assert.All(Sequence(kustomization, "resources").Cast<YamlScalarNode>(), resource => Assert.True(File.Exists(Path.Combine(Root, "k8s", resource.Value!)), resource.Value));
    }

    [Fact]
    public void AzureParametersExample_IsJson_AndNamesOnlyBicepParameters()
    {
        using var parameters = JsonDocument.Parse(Read("azure", "main.parameters.example.json"));
        var bicep = Read("azure", "main.bicep");

        Assert.All(
            parameters.RootElement.GetProperty("parameters").EnumerateObject(),
            p => Assert.Matches(new Regex($@"(?m)^param {p.Name} "), bicep));
    }

    [Fact]
    public void EnvironmentVariables_InEveryInfraFile_AreSettingsTheBotReads()
    {
        var variables = new List<(string Where, string Name)>();
        variables.AddRange(DockerfileEnvironment().Keys.Select(n => ("Dockerfile", n)));
        foreach (var service in new[] { "migrate", "bot" })
        {
            variables.AddRange(Map(ComposeService(service), "environment").Children.Keys.Select(k => ($"compose {service}", ((YamlScalarNode)k).Value!)));
        }

        foreach (var (workload, container) in KubernetesContainers())
        {
            variables.AddRange(Sequence(container, "env").Cast<YamlMappingNode>().Select(e => (workload, Scalar(e, "name")!)));
        }

        var configMap = KubernetesDocuments().Single(d => Scalar(d, "kind") == "ConfigMap");
        variables.AddRange(Map(configMap, "data").Children.Keys.Select(k => ("ConfigMap", ((YamlScalarNode)k).Value!)));
        variables.AddRange(BicepEnvironmentNames().Select(n => ("main.bicep", n)));

        Assert.True(variables.Count > 30, $"Only {variables.Count} variables found: is the parsing right?");
        Assert.Empty(variables.Where(v => !BotSettings.IsKnown(v.Name)).Select(v => $"{v.Where}: {v.Name}"));
    }

    [Fact]
    public void SecretSettings_InKubernetes_ComeFromSecretKeyRefOnly()
    {
        var deployment = KubernetesContainers().Single(c => c.Workload.StartsWith("Deployment/", StringComparison.Ordinal)).Container;
        var configMap = KubernetesDocuments().Single(d => Scalar(d, "kind") == "ConfigMap");

        foreach (var (workload, container) in KubernetesContainers())
        {
            foreach (var entry in Sequence(container, "env").Cast<YamlMappingNode>().Where(e => IsSecret(Scalar(e, "name")!)))
            {
                Assert.Null(Scalar(entry, "value"));
                Assert.True(Map(entry, "valueFrom").Children.ContainsKey(new YamlScalarNode("secretKeyRef")), $"{workload}: {Scalar(entry, "name")} is not a secretKeyRef.");
            }
        }

        var deploymentNames = Sequence(deployment, "env").Cast<YamlMappingNode>().Select(e => BotSettings.KeyOf(Scalar(e, "name")!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Subset(deploymentNames, BotSettings.Secret.ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(Map(configMap, "data").Children.Keys.Cast<YamlScalarNode>(), k => IsSecret(k.Value!));
    }

    [Fact]
    public void SecretSettings_InBicep_AreKeyVaultReferences()
    {
        var bicep = Read("azure", "main.bicep");
        var secretEntries = BicepEnvironmentNames().Where(IsSecret).ToList();

        Assert.Contains("ConnectionStrings__Feedback", secretEntries);
        Assert.All(secretEntries, name => Assert.Matches(new Regex($@"\{{ name: '{name}', secretRef: '"), bicep));
        var appSecrets = AppSecrets().Match(bicep).Groups[1].Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(appSecrets);
        Assert.All(appSecrets, secret => Assert.Contains("keyVaultUrl:", secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Ports_DockerfileComposeKubernetesAndBicep_AreTheOneTheBotListensOn()
    {
        var dockerfile = Read("docker", "Dockerfile");
        var compose = ComposeService("bot");
        var container = KubernetesContainers().Single(c => c.Workload.StartsWith("Deployment/", StringComparison.Ordinal)).Container;
        var configMap = KubernetesDocuments().Single(d => Scalar(d, "kind") == "ConfigMap");

        Assert.Equal(BotPort, DockerfileEnvironment()["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains($"EXPOSE {BotPort}", dockerfile, StringComparison.Ordinal);
        Assert.Equal(BotPort, Scalar(Map(compose, "environment"), "ASPNETCORE_HTTP_PORTS"));
        Assert.Contains($"port {BotPort}", Read("compose", "Caddyfile"), StringComparison.Ordinal);
        Assert.Equal(BotPort, Scalar(Map(configMap, "data"), "ASPNETCORE_HTTP_PORTS"));
        Assert.Equal(BotPort, Scalar(Sequence(container, "ports").Cast<YamlMappingNode>().Single(), "containerPort"));
        Assert.Contains($"var botPort = {BotPort}", Read("azure", "main.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_EveryOrchestrator_UsesHealthzForLivenessAndReadyzForReadiness()
    {
        var container = KubernetesContainers().Single(c => c.Workload.StartsWith("Deployment/", StringComparison.Ordinal)).Container;
        var bicep = Read("azure", "main.bicep");

        Assert.Matches($@"HEALTHCHECK[^\n]*\n[^\n]*127\.0\.0\.1/{BotPort}[^\n]*GET /healthz ", Read("docker", "Dockerfile"));
        Assert.Contains("health_uri /readyz", Read("compose", "Caddyfile"), StringComparison.Ordinal);
        Assert.Equal("/healthz", Scalar(Map(Map(container, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/readyz", Scalar(Map(Map(container, "readinessProbe"), "httpGet"), "path"));
        Assert.Matches(@"type: 'Liveness'\s+httpGet: \{ path: '/healthz', port: botPort \}", bicep);
        Assert.Matches(@"type: 'Readiness'\s+httpGet: \{ path: '/readyz', port: botPort \}", bicep);
    }

    [Fact]
    public void Kubernetes_Workloads_RunAsNonRootOnAReadOnlyRootWithAWritableTemp()
    {
        foreach (var document in KubernetesDocuments().Where(d => Scalar(d, "kind") is "Deployment" or "Job"))
        {
            var pod = Map(Map(Map(document, "spec"), "template"), "spec");
            Assert.Equal("true", Scalar(Map(pod, "securityContext"), "runAsNonRoot"));
            foreach (YamlMappingNode container in Sequence(pod, "containers"))
            {
                Assert.Equal("true", Scalar(Map(container, "securityContext"), "readOnlyRootFilesystem"));
                Assert.Contains(Sequence(container, "volumeMounts").Cast<YamlMappingNode>(), m => Scalar(m, "mountPath") == "/tmp");
                Assert.NotNull(Scalar(Map(Map(container, "resources"), "requests"), "memory"));
            }
        }

        Assert.Contains(KubernetesDocuments(), d => Scalar(d, "kind") == "PodDisruptionBudget");
    }

    [Fact]
    public void Migrations_ComposeAndKubernetes_RunTheMigrateCommandBeforeTheReplicas()
    {
        var migrate = ComposeService("migrate");
        var bot = ComposeService("bot");
        var job = KubernetesContainers().Single(c => c.Workload.StartsWith("Job/", StringComparison.Ordinal)).Container;

        Assert.Equal(["migrate"], Sequence(migrate, "command").Cast<YamlScalarNode>().Select(n => n.Value));
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(bot, "depends_on"), "migrate"), "condition"));
        Assert.Equal("service_healthy", Scalar(Map(Map(migrate, "depends_on"), "db"), "condition"));
        Assert.NotNull(Map(ComposeService("db"), "healthcheck"));
        Assert.Equal("2", Scalar(Map(bot, "deploy"), "replicas"));
        Assert.Equal(["migrate"], Sequence(job, "args").Cast<YamlScalarNode>().Select(n => n.Value));
    }

    [Fact]
    public void ComposeVariables_EveryOneUsed_IsInTheEnvExample()
    {
        var example = Read("compose", ".env.example").Split('\n')
            .Select(line => line.TrimStart('#', ' '))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet();

        var used = ComposeVariable().Matches(Read("compose", "compose.yaml")).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Subset(example, used);
    }

    [Fact]
    public void Bicep_Resources_AreTheBotTeamsChannelContainerAppPostgresAndKeyVault()
    {
        var bicep = Read("azure", "main.bicep");

        Assert.All(
            new[]
            {
                "'Microsoft.BotService/botServices@", "'Microsoft.BotService/botServices/channels@", "'Microsoft.App/containerApps@",
                "'Microsoft.App/managedEnvironments@", "'Microsoft.DBforPostgreSQL/flexibleServers@", "'Microsoft.KeyVault/vaults@",
                "'Microsoft.KeyVault/vaults/secrets@",
            },
            type => Assert.Contains(type, bicep, StringComparison.Ordinal));
        Assert.Contains("name: 'MsTeamsChannel'", bicep, StringComparison.Ordinal);
        Assert.Contains("/api/messages'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DockerfileEntryPoint_WithItsEnvironment_ServesHealthzAndKeepsSqliteInTheDataVolume()
    {
        var dockerfile = Read("docker", "Dockerfile");
        var entryPoint = JsonSerializer.Deserialize<string[]>(Instruction().Matches(dockerfile).Single(m => m.Groups[1].Value == "ENTRYPOINT").Groups[2].Value)!;
        var command = JsonSerializer.Deserialize<string[]>(Instruction().Matches(dockerfile).Single(m => m.Groups[1].Value == "CMD").Groups[2].Value)!;
        Assert.Equal(["dotnet", "FeedbackBot.dll"], entryPoint);
        Assert.Contains("VOLUME [\"/app/data\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("WORKDIR /app\n", dockerfile, StringComparison.Ordinal);

        // The build output stands in for the published folder; the port moves off 8080 so parallel runs never collide.
        using var folder = new TempFolder();
        var port = BotProcess.FreePort();
        var environment = DockerfileEnvironment().ToDictionary(e => e.Key, e => e.Value);
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var bot = BotProcess.Start(folder.Path, environment, command);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var status = await Eventually.ThatAsync(() => StatusAsync(client, "/healthz"), s => s == HttpStatusCode.OK || bot.HasExited, "/healthz to answer, or the bot to exit", TimeSpan.FromSeconds(30));

        Assert.True(status == HttpStatusCode.OK, $"/healthz: {status}\nstdout:\n{bot.Output}\nstderr:\n{bot.Error}");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/readyz"));
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "feedbackbot.db")));
    }

    private static bool IsSecret(string variable) => BotSettings.Secret.Contains(BotSettings.KeyOf(variable), StringComparer.OrdinalIgnoreCase);

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return null;
        }
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"secrets: \[\n(.*?)\n\s*\]", RegexOptions.Singleline)]
    private static partial Regex AppSecrets();

    [GeneratedRegex(@"(?m)^(ENTRYPOINT|CMD) (\[.*\])\s*$")]
    private static partial Regex Instruction();
}
