namespace FeedbackBot.Data.Entities;

/// <summary>
/// A QA evaluation: one evaluator's scoring of one interaction against a scorecard of a plan, with the feedback given
/// to the agent and the agent's answer to it.
/// </summary>
/// <remarks>
/// Evaluations are named and confidential. Unlike survey answers they are about a named person's work, so they are
/// not anonymous: only the agent, their team's evaluators and managers may read one, and every read of someone else's
/// evaluation is written to <see cref="AuditEntry"/>. Nothing links an evaluation to a survey response or answer.
/// </remarks>
public sealed class Evaluation
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }

    /// <summary>The plan version whose scorecard was used, so a later change to the scorecard does not rescore it.</summary>
    public Guid PlanVersionId { get; set; }

    public PlanVersion? PlanVersion { get; set; }

    /// <summary>Unique within the plan: an import's <c>evaluation_id</c>, or one made for an evaluation recorded in chat.</summary>
    public required string EvaluationKey { get; set; }

    /// <summary>The evaluated interaction's id in the helpdesk or phone system; several evaluators may score one (calibration).</summary>
    public required string InteractionKey { get; set; }

    /// <summary>The agent as the evaluator or the file named them.</summary>
    public required string Agent { get; set; }

    /// <summary>The roster's person the agent is, when known; null once that person is deleted (the evaluation stays).</summary>
    public Guid? AgentPersonId { get; set; }

    /// <summary>Who evaluated, as the file or the platform names them.</summary>
    public required string Evaluator { get; set; }

    /// <summary>The roster's person the evaluator is, when known; null once that person is deleted.</summary>
    public Guid? EvaluatorPersonId { get; set; }

    /// <summary>The id of the plan's scorecard used.</summary>
    public required string ScorecardId { get; set; }

    /// <summary><c>phone</c>, <c>email</c>, <c>chat</c>, <c>face_to_face</c>, <c>social</c> or <c>other</c>.</summary>
    public required string Channel { get; set; }

    public DateTime EvaluatedAt { get; set; }
    public DateTime? InteractionAt { get; set; }

    /// <summary>0 to 100; null when every criterion was answered not applicable, so there is nothing to score.</summary>
    public double? Score { get; set; }

    /// <summary>A critical criterion was answered "no": the score is 0 whatever the others say.</summary>
    public bool CriticalFail { get; set; }

    /// <summary>The score reached the scorecard's pass mark.</summary>
    public bool Passed { get; set; }

    /// <summary>
    /// Scored in a calibration session, to compare evaluators rather than to give the agent feedback: the agent is not
    /// sent it and <c>my evaluations</c> does not list it. It counts in <c>qa calibration</c> like any other.
    /// </summary>
    public bool Calibration { get; set; }

    public required string WentWell { get; set; }
    public required string ToImprove { get; set; }

    /// <summary>When the agent acknowledged the feedback.</summary>
    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>When the agent asked to discuss it, with <see cref="DiscussReason"/>.</summary>
    public DateTime? DiscussRequestedAt { get; set; }

    public string? DiscussReason { get; set; }

    /// <summary>The agent's own reflection on the evaluation.</summary>
    public string? Reflection { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<EvaluationAnswer> Answers { get; } = [];
    public List<CoachingAction> CoachingActions { get; } = [];
}
