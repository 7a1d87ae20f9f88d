using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.Coaching;

/// <summary>Every hour: the coaching actions that fell due are reminded to their agent and evaluator.</summary>
public sealed class CoachingRemindersJob(ICoachingReminders reminders)
{
    [DisplayName("Remind agents and evaluators of coaching actions due")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RemindDueAsync(cancellationToken);
}
