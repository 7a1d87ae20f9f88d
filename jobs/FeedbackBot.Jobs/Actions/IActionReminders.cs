namespace FeedbackBot.Jobs.Actions;

/// <summary>
/// What the improvement-action reminders job asks of the bot: queue the reminders of the actions falling due or
/// overdue, and tell owners the bot has come to know about the actions they own. The host implements it; a run repeated
/// after a crash, or run on several instances at once, reminds nobody twice.
/// </summary>
public interface IActionReminders
{
    /// <summary>Queues each reminder due now and not queued before.</summary>
    Task RemindAsync(CancellationToken cancellationToken);
}
