using System.ComponentModel;
using Hangfire;

namespace FeedbackBot.Jobs.People;

/// <summary>
/// Synchronises the people rosters from Teams and Slack on <c>People:SyncSchedule</c> (daily unless set otherwise).
/// A repeat is harmless: a roster read again finds everyone as they are and changes nothing.
/// </summary>
public sealed class PeopleSyncJob(IPeopleSync sync)
{
    [DisplayName("Synchronise the people rosters from Teams and Slack")]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => sync.SyncAllAsync(cancellationToken);
}
