using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// Removes repeated mapping keys, with their values, from a stream of parsing events and reports each one.
/// YamlDotNet's representation model throws at the first repeated key, which would hide every later error.
/// </summary>
internal static class DuplicateKeyFilter
{
    public static List<ParsingEvent> Filter(IReadOnlyList<ParsingEvent> events, PlanErrors errors)
    {
        var kept = new List<ParsingEvent>(events.Count);
        var frames = new Stack<Frame>();
        var skipDepth = 0;
        var skipping = false;

        foreach (var e in events)
        {
            if (skipping)
            {
                skipDepth += e switch
                {
                    MappingStart or SequenceStart => 1,
                    MappingEnd or SequenceEnd => -1,
                    _ => 0,
                };
                skipping = skipDepth > 0;
                continue;
            }

            if (e is MappingEnd or SequenceEnd)
            {
                frames.Pop();
                kept.Add(e);
                continue;
            }

            if (e is not (NodeEvent or AnchorAlias))
            {
                kept.Add(e);
                continue;
            }

            var path = "";
            if (frames.TryPeek(out var parent))
            {
                if (!parent.IsMapping)
                {
                    path = FieldPath.Item(parent.Path, parent.NextIndex++);
                }
                else if (parent.ExpectingKey)
                {
                    parent.ExpectingKey = false;
                    if (e is Scalar key && !parent.FirstSeen.TryAdd(key.Value, key.Start))
                    {
                        var first = parent.FirstSeen[key.Value];
                        errors.Add(key.Start, FieldPath.Child(parent.Path, key.Value),
                            $"duplicate field '{key.Value}'; it is already given at line {first.Line}, and a field may appear only once");
                        parent.ExpectingKey = true;
                        skipping = true;
                        skipDepth = 0;
                        continue;
                    }

                    path = FieldPath.Child(parent.Path, e is Scalar scalar ? scalar.Value : "?");
                    parent.CurrentKeyPath = path;
                }
                else
                {
                    parent.ExpectingKey = true;
                    path = parent.CurrentKeyPath;
                }
            }

            kept.Add(e);
            if (e is MappingStart)
            {
                frames.Push(new Frame(IsMapping: true, path));
            }
            else if (e is SequenceStart)
            {
                frames.Push(new Frame(IsMapping: false, path));
            }
        }

        return kept;
    }

    private sealed record Frame(bool IsMapping, string Path)
    {
        public int NextIndex { get; set; }

        public bool ExpectingKey { get; set; } = true;

        public string CurrentKeyPath { get; set; } = Path;

        public Dictionary<string, Mark> FirstSeen { get; } = new(StringComparer.Ordinal);
    }
}
