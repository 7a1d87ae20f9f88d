using System.Text.Json;
using System.Text.Json.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.DataRights;

/// <summary>
/// Everything stored about a person, as one JSON document (docs/privacy.md): for a member of staff their person row
/// with its segments, conversations, invitations, evaluations of them and by them with their answers and coaching
/// actions, improvement actions they own or adopted, notes they wrote, interactions they handled, messages queued to
/// them and audit entries naming them; for a customer each contact row with its invitations and the responses given
/// through them. What is kept but cannot be attributed to them is listed under <c>not_included</c>, with why.
/// </summary>
internal static class PersonExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>What the export says it leaves out, and why: the same for everyone, so it is part of the contract.</summary>
    public static readonly IReadOnlyList<string> NotIncluded =
    [
        "Staff pulse answers: they are stored under a keyed pseudonym that nothing stored beside them links to a person, so they cannot be attributed to anyone and are not included.",
        "Feedback logged in chat: who logged an entry is not kept, so entries cannot be attributed to anyone and are not included.",
        "Reviews: they hold aggregates and anonymous comments only; where one names the person as an action's owner or an agent, that is in the rows above.",
    ];

    public static async Task<string> WriteAsync(FeedbackDbContext db, ContactEmails emails, DataSubject subject, string query, DateTime now, CancellationToken cancellationToken)
    {
        var people = new List<object>();
        foreach (var person in subject.People)
        {
            people.Add(await StaffAsync(db, subject, person, cancellationToken));
        }

        var contacts = new List<object>();
        foreach (var contact in subject.Contacts)
        {
            var invitations = await db.Invitations.AsNoTracking().Where(i => i.ContactId == contact.Id).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
            var invitationIds = invitations.Select(i => i.Id).ToList();
            var responses = await db.Responses.AsNoTracking().Include(r => r.Answers).ThenInclude(a => a.Question)
                .Where(r => r.InvitationId != null && invitationIds.Contains(r.InvitationId.Value)).ToListAsync(cancellationToken);
            contacts.Add(new
            {
                contact.Id,
                Plan = contact.Plan?.Key,
                contact.ContactKey,
                Email = contact.EmailProtected is { } protectedEmail ? emails.Unprotect(protectedEmail) : null,
                Segments = contact.Segments is { } segments ? JsonDocument.Parse(segments).RootElement.Clone() : (JsonElement?)null,
                contact.InteractionId,
                contact.Agent,
                contact.InteractionChannel,
                contact.LastContactAt,
                contact.CreatedAt,
                contact.UpdatedAt,
                Invitations = invitations.Select(i => new { i.Id, i.CycleId, i.Via, i.InteractionId, i.Agent, i.InteractionChannel, i.Segment, i.State, i.CreatedAt, i.SentAt, i.RemindersSent, i.AnsweredAt }),
                Responses = responses.OrderBy(r => r.SubmittedAt).Select(r => new
                {
                    r.Id,
                    r.CycleId,
                    r.SubmittedAt,
                    r.Segment,
                    r.Agent,
                    r.InteractionChannel,
                    Answers = r.Answers.OrderBy(a => a.Question?.Ordinal).Select(a => new { Question = a.Question?.Key, a.Value }),
                }),
            });
        }

        var document = new
        {
            ExportedAt = now,
            Person = query,
            Tenant = new { subject.Tenant.Id, Channel = subject.Tenant.Channel.ToString().ToLowerInvariant(), subject.Tenant.ExternalId, subject.Tenant.Name },
            People = people,
            CustomerContacts = contacts,
            NotIncluded,
        };
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    private static async Task<object> StaffAsync(FeedbackDbContext db, DataSubject subject, Data.Entities.Person person, CancellationToken cancellationToken)
    {
        var id = person.Id;
        var names = subject.Identifiers;
        var conversations = await db.ConversationReferences.AsNoTracking().Where(c => c.PersonId == id)
            .OrderBy(c => c.UpdatedAt).Select(c => new { c.ConversationId, c.ServiceUrl, c.TeamId, c.UpdatedAt }).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.PersonId == id).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.CycleId, Plan = i.Cycle!.Plan!.Key, i.State, i.CreatedAt, i.SentAt, i.RemindersSent, i.LastRemindedAt, i.AnsweredAt })
            .ToListAsync(cancellationToken);
        var about = await EvaluationsAsync(db.Evaluations.Where(e => e.AgentPersonId == id || names.Contains(e.Agent)), cancellationToken);
        var by = await EvaluationsAsync(db.Evaluations.Where(e => e.EvaluatorPersonId == id || names.Contains(e.Evaluator)), cancellationToken);
        var actions = await db.ImprovementActions.AsNoTracking().Include(a => a.Notes).Include(a => a.Milestones)
            .Where(a => a.TenantId == subject.Tenant.Id && (a.OwnerPersonId == id || names.Contains(a.Owner) || names.Contains(a.CreatedBy)))
            .OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var notes = await db.ImprovementActionNotes.AsNoTracking().Where(n => names.Contains(n.Author))
            .OrderBy(n => n.At).Select(n => new { n.ActionId, n.At, n.Kind, n.Text }).ToListAsync(cancellationToken);
        var interactions = await db.MonitoredInteractions.AsNoTracking()
            .Where(i => i.TenantId == subject.Tenant.Id && (i.AgentPersonId == id || names.Contains(i.Agent)))
            .OrderBy(i => i.StartedAt).Select(i => new { i.InteractionKey, i.Agent, i.Channel, i.StartedAt, i.DurationSeconds, i.Queue }).ToListAsync(cancellationToken);
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Kind, m.DedupeKey, m.State, m.CreatedAt, m.SentAt, m.Body }).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => names.Contains(a.Actor) || names.Contains(a.Subject))
            .OrderBy(a => a.At).Select(a => new { a.At, a.Actor, a.Action, a.Subject, a.Detail }).ToListAsync(cancellationToken);
        return new
        {
            person.Id,
            person.DisplayName,
            person.Email,
            PlatformUserId = person.ChannelUserId,
            Role = person.Role.ToString().ToLowerInvariant(),
            person.RosterSource,
            person.CreatedAt,
            person.LeftAt,
            person.UnreachableSince,
            Segments = person.Segments.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new { s.Name, s.Value, s.Source }),
            Conversations = conversations,
            Invitations = invitations,
            EvaluationsAboutThem = about,
            EvaluationsByThem = by,
            ImprovementActions = actions.Select(a => new
            {
                a.Number,
                a.Title,
                a.Owner,
                AdoptedBy = a.CreatedBy,
                a.DueOn,
                a.Status,
                a.Resources,
                a.CreatedAt,
                Milestones = a.Milestones.OrderBy(m => m.Number).Select(m => new { m.Number, m.Title, m.DueOn, m.DoneOn }),
                Notes = a.Notes.OrderBy(n => n.At).Select(n => new { n.At, n.Kind, n.Text, n.Author }),
            }),
            ActionNotesWritten = notes,
            InteractionsHandled = interactions,
            MessagesQueuedToThem = outbox,
            AuditEntries = audit,
        };
    }

    private static async Task<List<object>> EvaluationsAsync(IQueryable<Data.Entities.Evaluation> query, CancellationToken cancellationToken)
    {
        var evaluations = await query.AsNoTracking().Include(e => e.Answers).Include(e => e.CoachingActions).Include(e => e.Plan)
            .OrderBy(e => e.EvaluatedAt).ToListAsync(cancellationToken);
        return [.. evaluations.Select(e => (object)new
        {
            e.Id,
            Plan = e.Plan?.Key,
            e.EvaluationKey,
            e.InteractionKey,
            e.Agent,
            e.Evaluator,
            e.ScorecardId,
            e.Channel,
            e.EvaluatedAt,
            e.Score,
            e.Passed,
            e.CriticalFail,
            e.Calibration,
            e.WentWell,
            e.ToImprove,
            e.AcknowledgedAt,
            e.DiscussRequestedAt,
            e.DiscussReason,
            e.Reflection,
            Answers = e.Answers.OrderBy(a => a.CriterionId, StringComparer.Ordinal).Select(a => new { a.CriterionId, a.Answer, a.Comment }),
            CoachingActions = e.CoachingActions.OrderBy(a => a.CreatedAt).Select(a => new { a.What, a.Support, a.DueOn, a.State, a.ClosedAt, a.Note }),
        })];
    }
}
