using System.Text.RegularExpressions;
using FeedbackBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Tests.Infra;

/// <summary>Reads the files under infra/ the way the tests compare them with what the bot serves and reads.</summary>
internal static partial class InfraFiles
{
    public const string BotPort = "8080";

    public static string Root => Path.Combine(RepositoryPaths.Root, "infra");

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    public static IReadOnlyList<string> YamlFiles() =>
        [.. Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static IReadOnlyList<YamlMappingNode> KubernetesDocuments() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "k8s"), "*.yaml").SelectMany(Documents)];

    public static YamlMappingNode ComposeService(string name) =>
        Map(Map(Documents(Path.Combine(Root, "compose", "compose.yaml")).Single(), "services"), name);

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>Every container of the Deployments and Jobs, with the kind and name of its workload.</summary>
    public static IEnumerable<(string Workload, YamlMappingNode Container)> KubernetesContainers() =>
        from document in KubernetesDocuments()
        where Scalar(document, "kind") is "Deployment" or "Job"
        let pod = Map(Map(Map(document, "spec"), "template"), "spec")
        from YamlMappingNode container in Sequence(pod, "containers")
        select ($"{Scalar(document, "kind")}/{Scalar(Map(document, "metadata"), "name")}", container);

    /// <summary>The <c>ENV</c> instructions of the Dockerfile, continuation lines joined.</summary>
    public static IReadOnlyDictionary<string, string> DockerfileEnvironment()
    {
        var joined = Read("docker", "Dockerfile").Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => EnvironmentPair().Matches(line))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    /// <summary>The names the Bicep file gives the container app's environment variables.</summary>
    public static IReadOnlyList<string> BicepEnvironmentNames() =>
        [.. BicepEnvironmentEntry().Matches(Read("azure", "main.bicep")).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvironmentPair();

    [GeneratedRegex(@"\{ name: '([^']+)', (?:value|secretRef):")]
    private static partial Regex BicepEnvironmentEntry();
}
