using CsvHelper;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// Reads an import file one record at a time: comma-separated, RFC 4180 quoting, UTF-8 (a byte order mark is
/// honoured), first line the header. Nothing but the current record is held, so a file of any size reads in the
/// same memory.
/// </summary>
internal sealed class ImportFile : IAsyncDisposable
{
    /// <summary>The longest record read, in bytes: far more than any real row, far less than memory.</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    private readonly CsvReader _reader;
    private readonly Queue<ImportRow> _unreadable = new();
    private string[] _header = [];

    private ImportFile(string path, long length)
    {
        Path = path;
        Length = length;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,

            // An unclosed quote early in a huge file would otherwise grow the buffer to the whole file.
            MaxRecordSize = MaxRecordBytes,

            // A record with broken quoting is reported as an error of its own row rather than read as something else.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => _unreadable.Enqueue(Malformed(record)),
        };
        _reader = CsvReader.FromFile(path, options);
    }

    public string Path { get; }

    /// <summary>The size of the file in bytes, for progress.</summary>
    public long Length { get; }

    /// <summary>How far reading has got, in bytes.</summary>
    public long Position => _reader.ByteOffset;

    /// <summary>The column names, trimmed; empty for an empty file.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>Opens the file and reads its header.</summary>
    /// <exception cref="UsageException">The file does not exist or cannot be read.</exception>
    public static async Task<ImportFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UsageException($"{path}: no such file.");
            }
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            throw new UsageException($"{path}: not a valid file name: {e.Message}");
        }

        ImportFile? file = null;
        try
        {
            file = new ImportFile(path, info.Length);
            await file._reader.ReadHeaderAsync(cancellationToken);
            file._header = [.. file._reader.Headers.Select(h => h.Trim())];
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            throw new UsageException($"{path}: cannot be read: {e.Message}");
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The next record, or null at the end of the file.</summary>
    public async Task<ImportRow?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_unreadable.TryDequeue(out var pending))
        {
            return pending;
        }

        // Malformed records are reported while the reader looks for the next good one; they come first, in file order.
        bool hasRecord;
        try
        {
            hasRecord = await _reader.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            // Reading cannot go on past such a record, so it stops the whole file, with or without --skip-bad.
            throw new UsageException(
                $"{Path}:{(e.LineNumber > 0 ? e.LineNumber : e.RecordNumber)}: the file cannot be read past here: {e.Message} Nothing was stored.");
        }

        if (_unreadable.Count > 0)
        {
            var unreadable = _unreadable.Dequeue();
            if (hasRecord)
            {
                _unreadable.Enqueue(Current());
            }

            return unreadable;
        }

        return hasRecord ? Current() : null;
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private ImportRow Current()
    {
        var cells = new string[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _reader.GetString(i);
        }

        return new ImportRow(_reader.LineNumber, cells, null);
    }

    private ImportRow Malformed(CsvMalformedRecord record)
    {
        var field = QuotingProblems.FieldIndex(record.RawRecord);
        var column = field >= 0 && field < _header.Length ? _header[field] : $"field {field + 1}";
        var message = record.Reason switch
        {
            CsvMalformedReason.StrayQuote =>
                "a double quote inside a value that does not start with one; quote the whole value and double the quotes inside it (\"say \"\"hi\"\"\")",
            CsvMalformedReason.TextAfterClosingQuote =>
                "text after the closing double quote of a quoted value; double the quotes inside a quoted value (\"say \"\"hi\"\"\")",
            CsvMalformedReason.UnterminatedQuote =>
                "a quoted value that is never closed, which runs to the end of the file; add the closing double quote",
            _ => $"the record cannot be read ({record.Reason})",
        };
        return new ImportRow(record.LineNumber, [], new ImportError(Path, record.LineNumber, field >= 0 ? column : null, message));
    }
}
