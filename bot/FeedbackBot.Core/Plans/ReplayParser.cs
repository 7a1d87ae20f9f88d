using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FeedbackBot.Core.Plans;

/// <summary>Hands already-read parsing events to YamlDotNet's representation model.</summary>
internal sealed class ReplayParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next < events.Count)
        {
            Current = events[_next++];
            return true;
        }

        Current = null;
        return false;
    }
}
