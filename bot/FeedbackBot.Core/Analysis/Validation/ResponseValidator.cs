using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis.Validation;

/// <summary>
/// Separates usable responses from unusable ones. Every response gets exactly one class: the first rule it fails,
/// in the order outside window, out of range, incomplete, speeder, duplicate (and straight-lined, when the plan
/// excludes it), else usable.
/// </summary>
/// <remarks>
/// Records are taken one respondent at a time (<see cref="ClassifyRespondent"/>), so a caller can stream millions of
/// rows ordered by respondent key and hold only one respondent's responses in memory; <see cref="Classify"/> does
/// the grouping itself for a list.
/// </remarks>
public sealed class ResponseValidator
{
    /// <summary>The least number of scale answers that can show straight-lining.</summary>
    public const int StraightLineMinimumAnswers = 4;

    private readonly MeasurementPlan _plan;
    private readonly CycleWindow _window;
    private readonly Dictionary<Audience, Question[]> _questionsByAudience;

    /// <summary>Creates a validator for one cycle of a plan.</summary>
    public ResponseValidator(MeasurementPlan plan, CycleWindow window)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _window = window ?? throw new ArgumentNullException(nameof(window));
        _questionsByAudience = Enum.GetValues<Audience>()
            .ToDictionary(a => a, a => plan.Questions.Where(q => q.Audience == a).ToArray());
    }

    /// <summary>Classifies a whole list, in any order; the result is in input order.</summary>
    public IReadOnlyList<ClassifiedResponse> Classify(IReadOnlyList<ResponseRecord> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var result = new ClassifiedResponse[responses.Count];
        foreach (var group in Enumerable.Range(0, responses.Count).GroupBy(i => responses[i].RespondentKey, StringComparer.Ordinal))
        {
            var indexes = group.ToArray();
            var classified = ClassifyRespondent([.. indexes.Select(i => responses[i])]);
            for (var k = 0; k < indexes.Length; k++)
            {
                result[indexes[k]] = classified[k];
            }
        }

        return result;
    }

    /// <summary>Classifies every response of one respondent in the cycle; the result is in input order.</summary>
    public IReadOnlyList<ClassifiedResponse> ClassifyRespondent(IReadOnlyList<ResponseRecord> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var classified = responses.Select(ClassifyAlone).ToArray();

        // Of the responses that passed every rule on their own, the latest is kept. Ties on the timestamp are
        // broken on content so the outcome never depends on the order rows arrive in.
        var candidates = Enumerable.Range(0, classified.Length).Where(i => classified[i].Class == ResponseClass.Usable).ToList();
        if (candidates.Count > 1)
        {
            var kept = candidates.OrderByDescending(i => responses[i].SubmittedAt).ThenBy(i => ContentKey(responses[i]), StringComparer.Ordinal).First();
            foreach (var i in candidates.Where(i => i != kept))
            {
                classified[i] = classified[i] with { Class = ResponseClass.Duplicate };
            }
        }

        if (_plan.Validation.ExcludeStraightLiners)
        {
            for (var i = 0; i < classified.Length; i++)
            {
                if (classified[i] is { Class: ResponseClass.Usable, StraightLined: true })
                {
                    classified[i] = classified[i] with { Class = ResponseClass.StraightLined };
                }
            }
        }

        return classified;
    }

    private ClassifiedResponse ClassifyAlone(ResponseRecord response)
    {
        var questions = _questionsByAudience[response.Audience];
        var answers = new Dictionary<string, AnswerCheck>(StringComparer.Ordinal);
        var anyNotAllowed = false;
        foreach (var question in questions)
        {
            var check = AnswerValues.Check(question, response.Answers.GetValueOrDefault(question.Id));
            if (!check.IsAnswered)
            {
                continue;
            }

            answers[question.Id] = check;
            anyNotAllowed |= !check.IsAllowed;
        }

        var straightLined = IsStraightLined(questions, answers);
        var responseClass =
            !_window.Contains(response.SubmittedAt) ? ResponseClass.OutsideWindow
            : !_plan.Audiences.Contains(response.Audience) || anyNotAllowed ? ResponseClass.OutOfRange
            : questions.Any(q => q.Required && !answers.ContainsKey(q.Id)) ? ResponseClass.Incomplete
            : IsSpeeder(response, answers.Count) ? ResponseClass.Speeder
            : ResponseClass.Usable;
        return new ClassifiedResponse(response, responseClass, straightLined, answers);
    }

    private bool IsSpeeder(ResponseRecord response, int answered) =>
        response.DurationSeconds is { } seconds && answered > 0 &&
        seconds < _plan.Validation.MinSecondsPerQuestion * answered;

    private static bool IsStraightLined(Question[] questions, Dictionary<string, AnswerCheck> answers)
    {
        var scaleAnswers = questions
            .Where(q => AnswerValues.ScaleOf(q.Type) is not null && answers.TryGetValue(q.Id, out var a) && a.IsAllowed)
            .Select(q => answers[q.Id].Number!.Value)
            .ToList();
        return scaleAnswers.Count >= StraightLineMinimumAnswers && scaleAnswers.Distinct().Count() == 1;
    }

    private static string ContentKey(ResponseRecord response) =>
        string.Join('\u001f', response.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")) +
        $"\u001e{response.DurationSeconds}\u001e{response.Segment}";
}
