using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeedbackBot.Core.Privacy;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.DataRights;

/// <summary>
/// Removes a person's personal data (docs/privacy.md). Their rows go (person, segments, conversations, invitations,
/// queued messages, deliveries that carry their ids, customer contacts); evaluations of them go whole, being
/// confidential data about them; where they are named beside other people's data (an evaluation they scored, an
/// action they own, a note they wrote, an audit entry, an agent column, a stored review) the name is replaced by
/// <see cref="Tombstone"/>. Their staff answers stay, as anonymous answers, and lose the pseudonym that could be
/// recomputed from their platform id; a customer's responses stay under a new random key. Erasing again finds nothing.
/// </summary>
internal static class PersonErasure
{
    /// <summary>What stands where the person's name was.</summary>
    public const string Tombstone = "[erased]";

    /// <summary>Counts of what was removed, for the operator and the audit trail: never a name.</summary>
    internal sealed record Outcome(int People, int Contacts, int Evaluations, int Answers, int Messages, int Renamed)
    {
        public override string ToString() =>
            $"{People} person row(s), {Contacts} customer contact(s), {Evaluations} evaluation(s) of them, {Messages} queued message(s) and delivery record(s) removed; "
            + $"{Answers} staff or customer response(s) unlinked; {Renamed} mention(s) replaced by {Tombstone}";
    }

    public static async Task<Outcome> EraseAsync(FeedbackDbContext db, DataSubject subject, CancellationToken cancellationToken)
    {
        var ids = subject.PersonIds;

        // Columns that name a person exactly are matched on ids and addresses only: two people may share a display
        // name, and erasing one must not touch the other's rows.
        var names = subject.Identifiers;
        var tenantId = subject.Tenant.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Their answers stay anonymous only if nothing can re-create the link: the pseudonym is a keyed hash of their
        // platform id, which the platform still knows, so each of their keys is replaced by a random one.
        var answers = await UnlinkStaffAnswersAsync(db, subject, cancellationToken);
        answers += await UnlinkCustomerResponsesAsync(db, subject, cancellationToken);

        var evaluations = db.Evaluations.Where(e => e.TenantId == tenantId && ((e.AgentPersonId != null && ids.Contains(e.AgentPersonId.Value)) || names.Contains(e.Agent)));
        var evaluationIds = await evaluations.Select(e => e.Id).ToListAsync(cancellationToken);
        var evaluationKeys = evaluationIds.SelectMany(e => new[] { e.ToString("D"), e.ToString("N") }).ToList();
        await db.EvaluationAnswers.Where(a => evaluationIds.Contains(a.EvaluationId)).ExecuteDeleteAsync(cancellationToken);
        await db.CoachingActions.Where(a => evaluationIds.Contains(a.EvaluationId)).ExecuteDeleteAsync(cancellationToken);
        var evaluated = await db.Evaluations.Where(e => evaluationIds.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);

        var renamed = await db.Evaluations.Where(e => e.TenantId == tenantId && ((e.EvaluatorPersonId != null && ids.Contains(e.EvaluatorPersonId.Value)) || names.Contains(e.Evaluator)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Evaluator, Tombstone).SetProperty(e => e.EvaluatorPersonId, (Guid?)null), cancellationToken);
        await db.MonitoredInteractions.Where(i => i.TenantId == tenantId && ((i.AgentPersonId != null && ids.Contains(i.AgentPersonId.Value)) || names.Contains(i.Agent)))
            .ExecuteDeleteAsync(cancellationToken);
        renamed += await db.ImprovementActions.Where(a => a.TenantId == tenantId && ((a.OwnerPersonId != null && ids.Contains(a.OwnerPersonId.Value)) || names.Contains(a.Owner)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Owner, Tombstone).SetProperty(a => a.OwnerPersonId, (Guid?)null), cancellationToken);
        renamed += await db.ImprovementActions.Where(a => a.TenantId == tenantId && names.Contains(a.CreatedBy))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedBy, Tombstone), cancellationToken);
        renamed += await db.ImprovementActionNotes.Where(n => db.ImprovementActions.Any(a => a.Id == n.ActionId && a.TenantId == tenantId) && names.Contains(n.Author))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Author, Tombstone), cancellationToken);
        renamed += await db.Responses.Where(r => r.Cycle!.Plan!.TenantId == tenantId && r.Agent != null && names.Contains(r.Agent)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Agent, Tombstone), cancellationToken);
        renamed += await db.Invitations.Where(i => i.Cycle!.Plan!.TenantId == tenantId && i.Agent != null && names.Contains(i.Agent)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Agent, Tombstone), cancellationToken);
        renamed += await db.Contacts.Where(c => c.TenantId == tenantId && c.Agent != null && names.Contains(c.Agent)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Agent, Tombstone), cancellationToken);
        renamed += await db.AuditEntries.Where(a => (a.TenantId == tenantId || a.TenantId == null) && names.Contains(a.Actor)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, Tombstone), cancellationToken);
        renamed += await db.AuditEntries.Where(a => (a.TenantId == tenantId || a.TenantId == null) && names.Contains(a.Subject)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Subject, Tombstone), cancellationToken);
        renamed += await db.JobPauses.Where(p => names.Contains(p.PausedBy)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PausedBy, Tombstone), cancellationToken);
        renamed += await ScrubFreeTextAsync(db, subject, cancellationToken);

        var messages = await db.Outbox.Where(m => m.PersonId != null && ids.Contains(m.PersonId.Value)).ExecuteDeleteAsync(cancellationToken);
        messages += await DeleteMentioningAsync(db, [.. subject.Identifiers, .. evaluationKeys], cancellationToken);
        await db.ConversationReferences.Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.PersonId != null && ids.Contains(i.PersonId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.PersonSegments.Where(s => ids.Contains(s.PersonId)).ExecuteDeleteAsync(cancellationToken);
        var people = await db.People.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);

        // A customer's contact rows go as 'contacts erase' removes them: their invitations keep only that someone was asked.
        var contactIds = subject.ContactIds;
        await db.Invitations.Where(i => i.ContactId != null && contactIds.Contains(i.ContactId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InteractionId, (string?)null).SetProperty(i => i.ContactId, (Guid?)null), cancellationToken);
        var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new Outcome(people, contacts, evaluated, answers, messages, renamed);
    }

    private static async Task<int> UnlinkStaffAnswersAsync(FeedbackDbContext db, DataSubject subject, CancellationToken cancellationToken)
    {
        var platformIds = subject.People.Select(p => p.ChannelUserId).OfType<string>().ToList();
        if (platformIds.Count == 0)
        {
            return 0;
        }

        var secret = await InstallationSecrets.GetOrCreateAsync(db, InstallationSecrets.RespondentKeyName, cancellationToken);
        var cycles = await db.ReviewCycles.Where(c => c.Plan!.TenantId == subject.Tenant.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var keys = cycles.SelectMany(c => platformIds.Select(p => RespondentKey.ForStaff(secret, subject.Tenant.Id, p, c))).ToList();
        var unlinked = 0;
        foreach (var chunk in keys.Chunk(500))
        {
            var responses = await db.Responses.Where(r => chunk.Contains(r.RespondentKey)).Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var response in responses)
            {
                var key = "s:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                unlinked += await db.Responses.Where(r => r.Id == response)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.RespondentKey, key).SetProperty(r => r.IdempotencyKey, key), cancellationToken);
            }
        }

        return unlinked;
    }

    /// <summary>A customer's responses keep their answers, under a random key instead of the contact's own id.</summary>
    private static async Task<int> UnlinkCustomerResponsesAsync(FeedbackDbContext db, DataSubject subject, CancellationToken cancellationToken)
    {
        var unlinked = 0;
        foreach (var contact in subject.Contacts)
        {
            var key = "erased:" + Guid.NewGuid().ToString("N");
            unlinked += await db.Responses
                .Where(r => r.Cycle!.PlanId == contact.PlanId && r.RespondentKey == contact.ContactKey)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RespondentKey, key), cancellationToken);
        }

        return unlinked;
    }

    /// <summary>
    /// Outbox messages and inbox deliveries whose key, body or payload carries one of <paramref name="names"/>: a raw
    /// platform delivery holds the sender's ids and name (and a mention's id), a queued message the evaluation it is
    /// about. Ids only: a display name would match unrelated words.
    /// </summary>
    private static async Task<int> DeleteMentioningAsync(FeedbackDbContext db, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var name in names)
        {
            var pattern = Like(name);
            deleted += await db.Outbox.Where(m => EF.Functions.Like(m.DedupeKey, pattern, "\\")
                    || (m.Body != null && EF.Functions.Like(m.Body, pattern, "\\")))
                .ExecuteDeleteAsync(cancellationToken);
            deleted += await db.Inbox.Where(e => EF.Functions.Like(e.DeliveryKey, pattern, "\\")
                    || (e.Payload != null && EF.Functions.Like(e.Payload, pattern, "\\")))
                .ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    /// <summary>
    /// Free text that may name them beside other people's data: action notes, audit details, job pause reasons, and
    /// stored reviews (where an action's owner or an agent appears as a JSON value).
    /// </summary>
    private static async Task<int> ScrubFreeTextAsync(FeedbackDbContext db, DataSubject subject, CancellationToken cancellationToken)
    {
        var names = subject.Names;
        var tenantId = subject.Tenant.Id;
        var replaced = 0;
        foreach (var name in names)
        {
            var pattern = Like(name);
            foreach (var note in await db.ImprovementActionNotes
                .Where(n => db.ImprovementActions.Any(a => a.Id == n.ActionId && a.TenantId == tenantId) && EF.Functions.Like(n.Text, pattern, "\\")).ToListAsync(cancellationToken))
            {
                note.Text = Replace(note.Text, names);
                replaced++;
            }

            foreach (var entry in await db.AuditEntries
                .Where(a => (a.TenantId == tenantId || a.TenantId == null) && a.Detail != null && EF.Functions.Like(a.Detail, pattern, "\\")).ToListAsync(cancellationToken))
            {
                entry.Detail = Replace(entry.Detail!, names);
                replaced++;
            }

            foreach (var pause in await db.JobPauses.Where(p => p.Reason != null && EF.Functions.Like(p.Reason, pattern, "\\")).ToListAsync(cancellationToken))
            {
                pause.Reason = Replace(pause.Reason!, names);
                replaced++;
            }

            foreach (var review in await db.Reviews.Where(r => r.Plan!.TenantId == tenantId && EF.Functions.Like(r.Document, pattern, "\\")).ToListAsync(cancellationToken))
            {
                review.Document = ScrubJson(review.Document, names);
                replaced++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return replaced;
    }

    /// <summary>Replaces each string value of the JSON that names them, so the document stays valid JSON.</summary>
    private static string ScrubJson(string json, IReadOnlyList<string> names)
    {
        var root = JsonNode.Parse(json);
        Visit(root);
        return root?.ToJsonString() ?? json;

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        if (child is JsonValue value && value.TryGetValue<string>(out var text))
                        {
                            var scrubbed = Replace(text, names);
                            if (!ReferenceEquals(scrubbed, text))
                            {
                                obj[key] = scrubbed;
                            }
                        }
                        else
                        {
                            Visit(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                        {
                            var scrubbed = Replace(text, names);
                            if (!ReferenceEquals(scrubbed, text))
                            {
                                array[i] = scrubbed;
                            }
                        }
                        else
                        {
                            Visit(array[i]);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The text with every occurrence of a name as a whole word replaced, in any case (so erasing "Sam" leaves
    /// "sample" alone); the same instance when none occurs.
    /// </summary>
    private static string Replace(string text, IReadOnlyList<string> names)
    {
        var result = text;
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            if (result.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                result = Regex.Replace(result, $@"(?<!\w){Regex.Escape(name)}(?!\w)", Tombstone, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    private static string Like(string name) =>
        "%" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
