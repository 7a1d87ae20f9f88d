namespace FeedbackBot.Features.Imports;

/// <summary>What an import did with the rows of a file.</summary>
internal sealed class ImportCounts
{
    /// <summary>Rows stored as new records.</summary>
    public long Added { get; set; }

    /// <summary>Rows that changed a stored record (operational metrics only).</summary>
    public long Updated { get; set; }

    /// <summary>Rows already stored exactly as they are: by an earlier import, or earlier in the same file.</summary>
    public long Unchanged { get; set; }

    /// <summary>Rows with errors, left out under --skip-bad.</summary>
    public long Skipped { get; set; }

    /// <summary>Warnings about stored rows: values kept as given that the review will not count (responses only).</summary>
    public long Warnings { get; set; }

    /// <summary>Stored rows with at least one warning.</summary>
    public long RowsWithWarnings { get; set; }
}
