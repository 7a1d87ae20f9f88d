namespace FeedbackBot.Benchmarks;

/// <summary>Samples the managed heap size every 50 ms and keeps the largest seen.</summary>
internal sealed class ManagedPeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public ManagedPeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
    }
}
