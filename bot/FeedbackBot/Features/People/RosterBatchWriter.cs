using FeedbackBot.CommandLine;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.People;

/// <summary>
/// Stores a roster's rows: each person found by e-mail address or platform user id, or added; their name, role and
/// the roster's segments set; their entry marked as the CSV roster's and not left. Once the file is through, people
/// of the CSV roster it no longer lists are marked as left. Importing the same file again changes nothing.
/// </summary>
internal sealed class RosterBatchWriter(
    CliContext context, FeedbackDbContext db, Guid tenantId, string path, bool skipBad, Func<RosterRowReader> reader, DateTime now)
    : IFinishingBatchWriter<RosterRow>
{
    // Who this file listed, so that the finish can tell who it did not; a person is a few dozen bytes.
    private readonly Dictionary<Guid, long> _listed = [];

    /// <summary>People whose roster entry this import marked as left.</summary>
    public int Left { get; private set; }

    /// <summary>Rows that asked an admin to be staff or a manager: admins keep their role.</summary>
    public int AdminsKept { get; private set; }

    public async Task WriteAsync(IReadOnlyList<RosterRow> rows, ImportCounts counts, CancellationToken cancellationToken)
    {
        var emails = rows.Where(r => r.ByEmail).Select(r => r.Person).ToList();
        var ids = rows.Where(r => !r.ByEmail).Select(r => r.Person).ToList();
        var people = await db.People.Include(p => p.Segments)
            .Where(p => p.TenantId == tenantId && ((p.Email != null && emails.Contains(p.Email)) || (p.ChannelUserId != null && ids.Contains(p.ChannelUserId))))
            .ToListAsync(cancellationToken);
        var byEmail = people.Where(p => p.Email is not null).GroupBy(p => p.Email!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byId = people.Where(p => p.ChannelUserId is not null).ToDictionary(p => p.ChannelUserId!, StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var person = row.ByEmail ? byEmail.GetValueOrDefault(row.Person) : byId.GetValueOrDefault(row.Person);
            if (person is not null && _listed.TryGetValue(person.Id, out var first))
            {
                // One by e-mail, one by user id: two rows that the file spells differently but that are one person.
                await RejectAsync(row, $"'{row.Person}' is the same person as row {first} names (one by e-mail address, one by user id); give each person one row", counts);
                continue;
            }

            if (person is null)
            {
                person = Add(row);
                counts.Added++;
            }
            else if (Update(person, row))
            {
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }

            _listed[person.Id] = row.Line;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Marks as left the people of the CSV roster this file does not list. A person on a row left out for errors is
    /// still listed. A file that lists nobody at all is refused rather than taken to mean that everyone left.
    /// </summary>
    public async Task FinishAsync(ImportCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var keep = reader().ListedWithErrors;
        var emails = keep.Where(k => k.StartsWith("email:", StringComparison.Ordinal)).Select(k => k["email:".Length..]).ToList();
        var ids = keep.Where(k => k.StartsWith("id:", StringComparison.Ordinal)).Select(k => k["id:".Length..]).ToList();
        var gone = (await db.People
            .Where(p => p.TenantId == tenantId && p.RosterSource == RosterSource.Csv && p.LeftAt == null)
            .Where(p => !(p.Email != null && emails.Contains(p.Email)) && !(p.ChannelUserId != null && ids.Contains(p.ChannelUserId)))
            .ToListAsync(cancellationToken))
            .Where(p => !_listed.ContainsKey(p.Id))
            .ToList();
        if (_listed.Count == 0 && keep.Count == 0 && gone.Count > 0)
        {
            throw new UsageException(
                $"{path} lists nobody, so importing it would mark all {ImportValues.Count(gone.Count)} people of the last roster as left. " +
                "Nothing was stored; import a roster with everyone who is still there.");
        }

        foreach (var person in gone)
        {
            person.LeftAt = now;
        }

        Left = gone.Count;
        await db.SaveChangesAsync(cancellationToken);
    }

    private Person Add(RosterRow row)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ChannelUserId = row.ByEmail ? null : row.Person,
            Email = row.ByEmail ? row.Person : null,
            DisplayName = row.Name ?? row.Person,
            Role = row.Role ?? PersonRole.Staff,
            RosterSource = RosterSource.Csv,
            CreatedAt = now,
        };
        foreach (var (name, value) in row.Segments)
        {
            if (value is not null)
            {
                person.Segments.Add(new PersonSegment { PersonId = person.Id, Name = name, Value = value, Source = RosterSource.Csv });
            }
        }

        db.People.Add(person);
        return person;
    }

    private bool Update(Person person, RosterRow row)
    {
        var changed = false;
        if (row.Name is { } name && person.DisplayName != name)
        {
            person.DisplayName = name;
            changed = true;
        }

        if (row.Role is { } role && person.Role != role)
        {
            if (person.Role == PersonRole.Admin)
            {
                // The admin installed the bot and is the one who can give roles; a roster file cannot take that away.
                AdminsKept++;
            }
            else
            {
                AuditTrail.Add(db, tenantId, now, AuditTrail.CommandLine, AuditTrail.RoleChanged, person.Id.ToString("D"),
                    $"{person.Role.ToString().ToLowerInvariant()} to {role.ToString().ToLowerInvariant()} (roster {Path.GetFileName(path)})");
                person.Role = role;
                changed = true;
            }
        }

        if (person.RosterSource != RosterSource.Csv || person.LeftAt is not null)
        {
            person.RosterSource = RosterSource.Csv;
            person.LeftAt = null;
            changed = true;
        }

        return RosterSegments.Replace(person, row.Segments, RosterSource.Csv) | changed;
    }

    private async Task RejectAsync(RosterRow row, string message, ImportCounts counts)
    {
        var error = new ImportError(path, row.Line, RosterRowReader.PersonColumn, message);
        if (!skipBad)
        {
            throw new UsageException([error.ToString(), $"Nothing was stored: {path} names one person twice."]);
        }

        counts.Skipped++;
        await context.Error.WriteLineAsync(error.ToString());
    }
}
