using System.Collections.Concurrent;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// What the answer path derives from rows that never change once stored, kept for the life of the process so that
/// the many answers naming the same row read it once. A row not found is not remembered: it may be stored later.
/// </summary>
internal sealed class UnchangingRows<T>(int capacity)
    where T : class
{
    private readonly ConcurrentDictionary<Guid, T> _known = new();

    public async Task<T?> GetAsync(Guid id, Func<Task<T?>> load)
    {
        if (_known.TryGetValue(id, out var known))
        {
            return known;
        }

        if (await load() is not { } loaded)
        {
            return null;
        }

        // Far more than one installation has open at once; past it the cache starts again rather than grow.
        if (_known.Count >= capacity)
        {
            _known.Clear();
        }

        return _known.GetOrAdd(id, loaded);
    }
}
