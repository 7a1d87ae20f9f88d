using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Actions;

/// <summary>Every hour: owners of improvement actions are reminded before the due date and once when it has passed.</summary>
public sealed class ActionRemindersJob(IActionReminders reminders)
{
    [DisplayName("Remind owners of improvement actions due or overdue")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RemindAsync(cancellationToken);
}
