namespace FeedbackBot.Jobs.Coaching;

/// <summary>
/// What the coaching reminders job asks of the bot: queue the reminders of the coaching actions due by today. The host
/// implements it; a run repeated after a crash reminds nobody twice.
/// </summary>
public interface ICoachingReminders
{
    /// <summary>Queues a reminder to the agent and the evaluator of each action due today or earlier and not reminded yet.</summary>
    Task RemindDueAsync(CancellationToken cancellationToken);
}
