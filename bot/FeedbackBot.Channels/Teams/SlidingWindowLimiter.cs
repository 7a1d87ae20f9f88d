namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Keeps each key (a conversation, a tenant) within several sliding windows at once. A caller reserves the earliest
/// slot that keeps every window within its limit and waits until then; reservations are made in arrival order, so
/// waiting callers go out one by one instead of all at once when a window frees up. A slot once reserved stays
/// counted even if its caller gives up, which can only make the pace slower, never faster, than the limits.
/// A caller that learns when its request reached the platform at the latest (its answer came) can
/// <see cref="Settle"/> the slot there: the platform counts the request on arrival, so later reservations then keep
/// their distance from that, not only from when it left.
/// </summary>
public sealed class SlidingWindowLimiter
{
    private const int SweepEvery = 1024;

    private readonly RateWindow[] _windows;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _longestPeriod;
    private readonly Dictionary<string, List<long>> _slots = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _reservationsSinceSweep;

    public SlidingWindowLimiter(IEnumerable<RateWindow> windows, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _windows = [.. windows];
        if (_windows.Length == 0 || _windows.Any(w => w.Limit < 1 || w.Period <= TimeSpan.Zero))
        {
            throw new ArgumentException("Each window needs a limit of at least 1 and a positive period.", nameof(windows));
        }

        _time = time;
        _origin = time.GetTimestamp();
        _longestPeriod = _windows.Max(w => w.Period.Ticks);
    }

    public IReadOnlyList<RateWindow> Windows => _windows;

    /// <summary>Reserves the next slot for <paramref name="key"/> and returns how long to wait for it (zero: go now).</summary>
    public TimeSpan Reserve(string key) => Reserve(key, out _);

    /// <summary>As <see cref="Reserve(string)"/>, also giving the slot reserved, for <see cref="Settle"/>.</summary>
    public TimeSpan Reserve(string key, out long reserved)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            var now = Now();
            if (++_reservationsSinceSweep >= SweepEvery)
            {
                Sweep(now);
            }

            if (!_slots.TryGetValue(key, out var slots))
            {
                slots = [];
                _slots[key] = slots;
            }

            var slot = Math.Max(now, slots.Count > 0 ? slots[^1] : now);
            var expired = slots.FindIndex(s => s > slot - _longestPeriod);
            slots.RemoveRange(0, expired < 0 ? slots.Count : expired);

            // Every slot held is at or before `slot`, so moving `slot` later can only empty windows: taking the
            // latest time any single window demands satisfies them all.
            var earliest = slot;
            foreach (var window in _windows)
            {
                var inWindow = slots.Count - FirstAfter(slots, slot - window.Period.Ticks);
                if (inWindow >= window.Limit)
                {
                    earliest = Math.Max(earliest, slots[slots.Count - window.Limit] + window.Period.Ticks);
                }
            }

            slots.Add(earliest);
            reserved = earliest;
            return TimeSpan.FromTicks(earliest - now);
        }
    }

    /// <summary>
    /// Moves a reserved slot later, to <paramref name="allowance"/> before now, when that is later than the slot: the
    /// request's answer has come, so it reached the platform at the latest now. A request delayed on its way (a busy
    /// machine, a new connection) would otherwise be counted earlier than the platform counted it, and the request a
    /// window after it could land inside the platform's window. With the allowance set to the margin the windows keep
    /// (<see cref="RateWindow.Published"/>), a request whose answer came within it moves nothing, so the pace is not
    /// slowed by the round trip itself, and the next one a window on still arrives a full published window after it.
    /// Only reservations made from now on see the move.
    /// </summary>
    public void Settle(string key, long slot, TimeSpan allowance = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            var settled = Now() - allowance.Ticks;
            if (settled <= slot || !_slots.TryGetValue(key, out var slots))
            {
                return;
            }

            var index = slots.BinarySearch(slot);
            if (index < 0)
            {
                return;
            }

            // Equal times are interchangeable, so whichever of them is found may be the one moved.
            slots.RemoveAt(index);
            var at = slots.BinarySearch(settled);
            slots.Insert(at < 0 ? ~at : at, settled);
        }
    }

    private long Now() => _time.GetElapsedTime(_origin).Ticks;

    private static int FirstAfter(List<long> slots, long time)
    {
        var index = slots.BinarySearch(time + 1);
        return index >= 0 ? FirstEqual(slots, index) : ~index;
    }

    private static int FirstEqual(List<long> slots, int index)
    {
        while (index > 0 && slots[index - 1] == slots[index])
        {
            index--;
        }

        return index;
    }

    private void Sweep(long now)
    {
        _reservationsSinceSweep = 0;
        foreach (var key in _slots.Where(p => p.Value.Count == 0 || p.Value[^1] <= now - _longestPeriod).Select(p => p.Key).ToList())
        {
            _slots.Remove(key);
        }
    }
}
