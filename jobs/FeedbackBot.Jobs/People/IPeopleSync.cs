namespace FeedbackBot.Jobs.People;

/// <summary>
/// What the people sync job asks of the bot: read every tenant's roster from its platform (the members of the Teams
/// teams the bot is in, the Slack workspace's users) and bring the people up to date. The host implements it; a run
/// may repeat after a crash and changes nothing the second time.
/// </summary>
public interface IPeopleSync
{
    /// <summary>
    /// Synchronises every Teams and Slack tenant. A tenant whose platform fails is left exactly as it was and the
    /// others still run; the call then throws, naming the tenants that failed, so the job is retried.
    /// </summary>
    Task SyncAllAsync(CancellationToken cancellationToken);
}
