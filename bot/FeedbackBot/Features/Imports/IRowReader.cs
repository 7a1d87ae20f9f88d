namespace FeedbackBot.Features.Imports;

/// <summary>Turns the rows of one kind of import file into records, reporting what is wrong with a row on it.</summary>
internal interface IRowReader<out TRow>
    where TRow : class
{
    ColumnLayout Layout { get; }

    /// <summary>The record of a row, or null when <paramref name="row"/> has collected errors.</summary>
    TRow? Read(RowCells row);
}
