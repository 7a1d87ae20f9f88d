namespace FeedbackBot.Jobs.Retention;

/// <summary>
/// What the response retention job asks of the bot: delete the raw responses (answers and comments) of every plan's
/// cycles that closed longer ago than the plan's <c>retention_days</c>. The host implements it; a run repeated after a
/// crash finds nothing more to delete.
/// </summary>
public interface IResponseRetention
{
    /// <summary>Deletes what every plan no longer keeps; a plan that sets no <c>retention_days</c> keeps everything.</summary>
    Task PurgeAllAsync(CancellationToken cancellationToken);
}
