using System.Reflection;
using System.Xml.Linq;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Architecture;

/// <summary>
/// Dependencies point inward: Core depends on nothing of ours and on no web, database or channel library; Channels
/// depends on Core alone.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] ForbiddenInCore =
    [
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data", "Npgsql", "System.Data",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Http", "System.Net.Http", "Quartz",
        "FeedbackBot.Data", "FeedbackBot.Channels", "FeedbackBot.Jobs", "FeedbackBot",
    ];

    [Fact]
    public void CoreAssembly_References_NoWebDatabaseOrChannelCode()
    {
        var core = typeof(FeedbackBot.Core.Plans.MeasurementPlan).Assembly;

        var offending = core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => ForbiddenInCore.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
        Assert.Contains(core.GetReferencedAssemblies(), a => a.Name == "System.Runtime");
    }

    [Fact]
    public void CoreProject_References_NoOtherProjectAndOnlyPureLibraries()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "bot", "FeedbackBot.Core", "FeedbackBot.Core.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        Assert.All(packages, p => Assert.Contains(p, new[] { "YamlDotNet", "MathNet.Numerics" }));
    }

    [Fact]
    public void DataAssembly_References_NoHostOrChannelCode()
    {
        var data = typeof(FeedbackBot.Data.FeedbackDbContext).Assembly;

        var names = data.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("FeedbackBot.Core", names);
        Assert.DoesNotContain(names, n => n is "FeedbackBot" or "FeedbackBot.Channels" or "FeedbackBot.Jobs" || n!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void JobsAssembly_References_NoHostOrChannelCode()
    {
        var names = typeof(FeedbackBot.Jobs.Cycles.ICycleLifecycle).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("FeedbackBot.Data", names);
        Assert.Contains("Hangfire.Core", names);
        Assert.DoesNotContain("Quartz", names);
        Assert.DoesNotContain(names, n => n is "FeedbackBot" or "FeedbackBot.Channels");
    }

    [Fact]
    public void ChannelsAssembly_References_OnlyCoreOfOurProjects()
    {
        var names = typeof(FeedbackBot.Channels.AdaptiveCards.AdaptiveCardRenderer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Equal(["FeedbackBot.Core"], names.Where(n => n == "FeedbackBot" || n.StartsWith("FeedbackBot.", StringComparison.Ordinal)));
    }

    [Fact]
    public void ChannelsProject_References_OnlyCore()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "bot", "FeedbackBot.Channels", "FeedbackBot.Channels.csproj"));

        var references = project.Descendants("ProjectReference")
            .Select(p => Path.GetFileNameWithoutExtension(((string)p.Attribute("Include")!).Replace('\\', '/')))
            .ToList();

        Assert.Equal(["FeedbackBot.Core"], references);
    }

    [Fact]
    public void BotReplies_DeclaredOutsideCore_None()
    {
        // The channels render every reply, and they see only Core: a reply declared elsewhere could never be drawn.
        var ours = new[]
        {
            typeof(FeedbackBot.Infrastructure.Hosting.BotWebApplication).Assembly,
            typeof(FeedbackBot.Data.FeedbackDbContext).Assembly,
            typeof(FeedbackBot.Channels.AdaptiveCards.AdaptiveCardRenderer).Assembly,
            typeof(FeedbackBot.Jobs.Cycles.ICycleLifecycle).Assembly,
        };

        var outside = ours.SelectMany(a => a.GetTypes()).Where(t => t.IsSubclassOf(typeof(FeedbackBot.Core.Conversations.BotReply))).Select(t => t.FullName).ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void CoreTypes_NeverTouch_TheClockOrTheFileSystem()
    {
        var core = typeof(FeedbackBot.Core.Plans.MeasurementPlan).Assembly;
        var forbiddenMembers = new[] { "get_Now", "get_UtcNow", "get_Today" };
        var offenders = new List<string>();
        foreach (var type in core.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var body = method.GetMethodBody()?.GetILAsByteArray();
                if (body is null)
                {
                    continue;
                }

                foreach (var called in CalledMethods(method.Module, body))
                {
                    if ((called.DeclaringType == typeof(DateTime) || called.DeclaringType == typeof(DateTimeOffset)) && forbiddenMembers.Contains(called.Name))
                    {
                        offenders.Add($"{type.Name}.{method.Name} reads the clock");
                    }

                    if (called.DeclaringType?.Namespace == "System.IO" && called.DeclaringType.Name is "File" or "Directory" or "FileStream")
                    {
                        offenders.Add($"{type.Name}.{method.Name} touches the file system");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }

    internal static IEnumerable<MethodBase> CalledMethods(Module module, byte[] il)
    {
        // call (0x28), callvirt (0x6F) and newobj (0x73) are followed by a 4-byte metadata token.
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F or 0x73))
            {
                continue;
            }

            MethodBase? method = null;
            try
            {
                method = module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                // Not a call site: the byte was an operand of another instruction.
            }

            if (method is not null)
            {
                yield return method;
            }
        }
    }
}
