namespace FeedbackBot.Features.Imports;

/// <summary>
/// A batch writer with a last step over the whole file, run in the import's transaction after the last batch: a
/// roster marks who it no longer lists. Throwing from it stores nothing of the file.
/// </summary>
internal interface IFinishingBatchWriter<in TRow> : IBatchWriter<TRow>
{
    Task FinishAsync(ImportCounts counts, CancellationToken cancellationToken);
}
