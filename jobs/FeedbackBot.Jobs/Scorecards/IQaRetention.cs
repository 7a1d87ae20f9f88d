namespace FeedbackBot.Jobs.Scorecards;

/// <summary>
/// What the QA retention job asks of the bot: delete every plan's evaluations, and the tenant's monitored
/// interactions, once they are older than the plan's <c>qa_retention_days</c>. The host implements it; a run repeated
/// after a crash finds nothing more to delete.
/// </summary>
public interface IQaRetention
{
    /// <summary>Deletes what every plan no longer keeps; a plan that sets no <c>qa_retention_days</c> keeps everything.</summary>
    Task PurgeAllAsync(CancellationToken cancellationToken);
}
