using FeedbackBot.CommandLine;
using FeedbackBot.Data;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// Reads an import file and stores its rows: streamed, in batches, all inside one transaction, so a failure part way
/// leaves nothing behind. Without --skip-bad the whole file is checked first and any error stores nothing; with it,
/// rows with errors are printed and left out while the others are stored.
/// </summary>
/// <remarks>
/// Memory does not grow with the file: one batch of rows is held at a time, and duplicates are found by asking the
/// database about each batch's keys, not by remembering every key seen.
/// </remarks>
internal sealed class ImportRun(CliContext context, string path, bool skipBad)
{
    /// <summary>Rows stored per round trip.</summary>
    public const int BatchSize = 1000;

    /// <summary>Errors printed before the rest are only counted, so a wholly wrong file gives a readable answer.</summary>
    public const int MaxErrorsShown = 100;

    /// <summary>
    /// Warnings printed before the rest are only counted: they are about rows that were stored, so a few show where to
    /// look and the count says how many there are.
    /// </summary>
    public const int MaxWarningsShown = 20;

    public async Task<ImportCounts> RunAsync<TRow>(
        FeedbackDbContext db,
        Func<IReadOnlyList<string>, List<ImportError>, IRowReader<TRow>> createReader,
        Func<CancellationToken, Task<IBatchWriter<TRow>>> startWriting,
        CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!skipBad)
        {
            await CheckAsync(createReader, cancellationToken);
        }

        return await ImportAsync(db, createReader, startWriting, cancellationToken);
    }

    private async Task CheckAsync<TRow>(
        Func<IReadOnlyList<string>, List<ImportError>, IRowReader<TRow>> createReader, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var file = await ImportFile.OpenAsync(path, cancellationToken);
        var reader = Open(file, createReader);
        var shown = new List<string>();
        long errorCount = 0;
        long badRows = 0;
        var errors = new List<ImportError>();
        await ImportProgress.RunAsync(context, $"checking {Path.GetFileName(path)}", file.Length, async progress =>
        {
            while (await file.ReadAsync(cancellationToken) is { } row)
            {
                errors.Clear();
                Read(reader, row, errors);
                if (errors.Count > 0)
                {
                    badRows++;
                    errorCount += errors.Count;
                    shown.AddRange(errors.Take(MaxErrorsShown - shown.Count).Select(e => e.ToString()));
                }

                progress(file.Position);
            }

            return true;
        });

        if (errorCount > 0)
        {
            if (errorCount > shown.Count)
            {
                shown.Add($"... and {ImportValues.Count(errorCount - shown.Count)} more error(s).");
            }

            shown.Add($"Nothing was stored: {ImportValues.Count(errorCount)} error(s) in {ImportValues.Count(badRows)} row(s) of {path}. " +
                "Fix them and import the file again, or store only the good rows with --skip-bad.");
            throw new UsageException(shown);
        }
    }

    private async Task<ImportCounts> ImportAsync<TRow>(
        FeedbackDbContext db,
        Func<IReadOnlyList<string>, List<ImportError>, IRowReader<TRow>> createReader,
        Func<CancellationToken, Task<IBatchWriter<TRow>>> startWriting,
        CancellationToken cancellationToken)
        where TRow : class
    {
        await using var file = await ImportFile.OpenAsync(path, cancellationToken);
        var reader = Open(file, createReader);
        var counts = new ImportCounts();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = await startWriting(cancellationToken);
        var batch = new List<TRow>(BatchSize);
        var errors = new List<ImportError>();
        var warnings = new List<ImportError>();
        await ImportProgress.RunAsync(context, $"importing {Path.GetFileName(path)}", file.Length, async progress =>
        {
            while (await file.ReadAsync(cancellationToken) is { } row)
            {
                errors.Clear();
                warnings.Clear();
                var record = Read(reader, row, errors, warnings);
                if (record is null)
                {
                    if (!skipBad)
                    {
                        // The check found no error a moment ago, so the file changed in between.
                        throw new UsageException([.. errors.Select(e => e.ToString()), $"{path} changed while it was being imported; nothing was stored."]);
                    }

                    counts.Skipped++;
                    foreach (var error in errors)
                    {
                        await context.Error.WriteLineAsync(error.ToString());
                    }

                    continue;
                }

                await WarnAsync(warnings, counts);
                batch.Add(record);
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync(batch, counts, cancellationToken);
                    batch.Clear();
                }

                progress(file.Position);
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, counts, cancellationToken);
            }

            if (writer is IFinishingBatchWriter<TRow> finishing)
            {
                await finishing.FinishAsync(counts, cancellationToken);
            }

            return true;
        });

        if (counts.Warnings > MaxWarningsShown)
        {
            await context.Error.WriteLineAsync($"... and {ImportValues.Count(counts.Warnings - MaxWarningsShown)} more warning(s).");
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private IRowReader<TRow> Open<TRow>(ImportFile file, Func<IReadOnlyList<string>, List<ImportError>, IRowReader<TRow>> createReader)
        where TRow : class
    {
        var errors = new List<ImportError>();
        var reader = createReader(file.Header, errors);
        if (errors.Count > 0)
        {
            throw new UsageException([.. errors.Select(e => e.ToString()), $"Nothing was stored: the columns of {path} are not right."]);
        }

        return reader;
    }

    /// <summary>Counts a stored row's warnings and prints them until <see cref="MaxWarningsShown"/> have been.</summary>
    private async Task WarnAsync(List<ImportError> warnings, ImportCounts counts)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        counts.RowsWithWarnings++;
        foreach (var warning in warnings)
        {
            if (counts.Warnings++ < MaxWarningsShown)
            {
                await context.Error.WriteLineAsync(warning.ToWarning());
            }
        }
    }

    private TRow? Read<TRow>(IRowReader<TRow> reader, ImportRow row, List<ImportError> errors, List<ImportError>? warnings = null)
        where TRow : class
    {
        var cells = new RowCells(path, reader.Layout, row, errors, warnings);
        if (!cells.IsValid)
        {
            return null;
        }

        var record = reader.Read(cells);
        return cells.IsValid ? record : null;
    }
}
