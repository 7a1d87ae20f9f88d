namespace FeedbackBot.Features.Imports;

/// <summary>Stores a batch of good rows, counting what was added and what was already there.</summary>
internal interface IBatchWriter<in TRow>
{
    Task WriteAsync(IReadOnlyList<TRow> rows, ImportCounts counts, CancellationToken cancellationToken);
}
