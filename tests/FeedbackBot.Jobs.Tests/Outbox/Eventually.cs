namespace FeedbackBot.Jobs.Tests.Outbox;

/// <summary>Waits, on the real clock and at most 30 seconds, for work on other threads to reach a state.</summary>
internal static class Eventually
{
    public static async Task ThatAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 30 seconds.");
            }

            await Task.Delay(20);
        }
    }
}
