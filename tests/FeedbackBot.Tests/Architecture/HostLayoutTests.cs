using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Architecture;

/// <summary>
/// The host is arranged by feature (docs/architecture.md): every type lives in a feature, an adapter, shared
/// infrastructure, the channel-neutral turn or the command line's shell; features never reach into an adapter;
/// and an adapter's endpoint stays a thin door.
/// </summary>
public sealed partial class HostLayoutTests
{
    private static readonly string[] Rooms =
    [
        "FeedbackBot.Features.", "FeedbackBot.Adapters.", "FeedbackBot.Infrastructure.", "FeedbackBot.Conversations", "FeedbackBot.CommandLine",
    ];

    private static Assembly Host => typeof(FeedbackBot.Infrastructure.Hosting.BotWebApplication).Assembly;

    [Fact]
    public void HostTypes_EachLiveInOneRoom_FeatureAdapterInfrastructureConversationsOrCommandLine()
    {
        var homeless = Host.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.DeclaringType is null && t.Name != "Program")
            .Where(t => t.Namespace is null || !Rooms.Any(room => (t.Namespace + ".").StartsWith(room.TrimEnd('.') + ".", StringComparison.Ordinal)))
            .Where(t => t.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) != true && t.Namespace?.StartsWith("System.", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(homeless);
    }

    [Fact]
    public void FeaturesAndTheTurn_NeverUse_AnAdapterType()
    {
        // A feature answers every channel alike; one that named Teams or Slack would answer only there.
        var offenders = new List<string>();
        foreach (var type in Host.GetTypes().Where(t => t.Namespace is { } ns && (ns.StartsWith("FeedbackBot.Features", StringComparison.Ordinal) || ns == "FeedbackBot.Conversations")))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all))
                    .SelectMany(m => m.GetMethodBody()?.GetILAsByteArray() is { } il ? DependencyRuleTests.CalledMethods(m.Module, il) : [])
                    .Select(called => called.DeclaringType))
                .OfType<Type>();
            offenders.AddRange(used.Where(IsAdapter).Select(adapter => $"{type.FullName} uses {adapter.FullName}").Distinct());
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void AdapterEndpointMethods_StayWithinFortyLines()
    {
        // An endpoint reads the body, authenticates and hands the turn over; anything longer belongs in the turn.
        var adapters = Path.Combine(RepositoryPaths.Root, "bot", "FeedbackBot", "Adapters");
        var files = Directory.GetFiles(adapters, "*Endpoint*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var tooLong = files.SelectMany(file => MethodLengths(File.ReadAllLines(file))
                .Where(m => m.Lines > 40)
                .Select(m => $"{Path.GetRelativePath(adapters, file)}: {m.Name} has {m.Lines} lines"))
            .ToList();

        Assert.Empty(tooLong);
    }

    [Fact]
    public void MethodLengths_OfABlockBodiedMethod_CountsFromSignatureToClosingBrace()
    {
        string[] source =
        [
            "internal static class Sample",
            "{",
            "    public static int Short() => 1;",
            "",
            "    private static async Task<IResult> HandleAsync(",
            "        HttpContext http)",
            "    {",
            "        return Results.Ok();",
            "    }",
            "}",
        ];

        var lengths = MethodLengths(source).ToList();

        Assert.Equal([("HandleAsync", 5)], lengths);
    }

    private static bool IsAdapter(Type type) =>
        type.Namespace?.StartsWith("FeedbackBot.Adapters", StringComparison.Ordinal) == true ||
        (type.IsGenericType && type.GetGenericArguments().Any(IsAdapter)) ||
        (type.HasElementType && type.GetElementType() is { } element && IsAdapter(element));

    // The code is formatted by dotnet format, so a member of a class starts at four spaces and its block closes there.
    private static IEnumerable<(string Name, int Lines)> MethodLengths(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var signature = MethodSignature().Match(lines[i]);
            if (!signature.Success)
            {
                continue;
            }

            var open = i;
            while (open < lines.Length && lines[open] != "    {" && !lines[open].Contains("=>", StringComparison.Ordinal) && !lines[open].TrimEnd().EndsWith(';'))
            {
                open++;
            }

            if (open >= lines.Length || lines[open] != "    {")
            {
                continue;
            }

            var close = Array.IndexOf(lines, "    }", open);
            yield return (signature.Groups["name"].Value, close - i + 1);
            i = close;
        }
    }

    [GeneratedRegex(@"^    (?:public|private|internal|protected)\b[^=;{]*?\b(?<name>\w+)(?:<[^>]*>)?\(")]
    private static partial Regex MethodSignature();
}
