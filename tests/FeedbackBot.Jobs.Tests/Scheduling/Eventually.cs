namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>Polls a condition of the store until it holds, failing the test after a bound.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last seen: {value}");
            }
        }
    }
}
