using System.Diagnostics;
using Xunit;

namespace FeedbackBot.Testing;

/// <summary>
/// Waits for work on other threads to reach a state the test can observe, by polling it on the real clock. Bounded:
/// past the deadline the test fails naming what it waited for (and the last value seen), instead of hanging.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a wait lasts when the test does not say.</summary>
    public static TimeSpan DefaultWithin { get; } = TimeSpan.FromSeconds(30);

    public static Task ThatAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        PollAsync(() => Task.FromResult(condition()), held => held, what, within, describe: false);

    public static Task ThatAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        PollAsync(condition, held => held, what, within, describe: false);

    /// <summary>Reads until <paramref name="condition"/> holds for what was read, and returns that.</summary>
    public static Task<T> ThatAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? within = null) =>
        PollAsync(read, condition, what, within, describe: true);

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? within, bool describe)
    {
        var limit = within ?? DefaultWithin;
        var started = Stopwatch.GetTimestamp();
        // Short pauses first, so in-memory state is seen at once; longer ones later, so a database is not hammered.
        var pause = FirstPause;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {what}" + (describe ? $"; last seen: {value}" : "."));
            }

            await Task.Delay(pause);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }
}
