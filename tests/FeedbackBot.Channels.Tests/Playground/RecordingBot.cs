using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Channels.Tests.Playground;

/// <summary>Records every turn and replies "echo: TEXT" to messages; can be told to fail or to take its time.</summary>
internal sealed class RecordingBot : IPlaygroundBot
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _received = [];

    public IReadOnlyList<Activity> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public int FailuresToCome { get; set; }

    public TimeSpan Delay { get; set; }

    public Func<PlaygroundTurn, CancellationToken, Task>? OnMessage { get; set; }

    public async Task OnActivityAsync(PlaygroundTurn turn, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _received.Add(turn.Activity);
        }

        await Task.Delay(Delay, cancellationToken);
        if (FailuresToCome > 0)
        {
            FailuresToCome--;
            throw new InvalidOperationException("The bot broke, as the test asked.");
        }

        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (OnMessage is not null)
        {
            await OnMessage(turn, cancellationToken);
            return;
        }

        await turn.SendAsync(new Activity { Text = "echo: " + turn.Activity.Text }, cancellationToken);
    }
}
