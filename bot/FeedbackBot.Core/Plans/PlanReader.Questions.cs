using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads the questions section.</summary>
internal sealed partial class PlanReader
{
    private const int MaxQuestionTextLength = 500;
    private const int MinOptions = 2;
    private const int MaxOptions = 50;

    // A pulse is answered in one chat form: a Slack modal holds at most 100 blocks, and a survey this long would
    // not be answered anyway.
    private const int MaxQuestions = 40;

    // Slack shows at most 75 characters of an option.
    private const int MaxOptionLength = 75;

    // A label is shown as "1 – label", and Slack shows at most 75 characters of an option.
    private const int MaxLabelLength = 70;

    private static readonly string[] QuestionFields = ["id", "text", "type", "feature", "required", "audience", "options", "labels"];

    private List<Question>? ReadQuestions(FieldMap plan)
    {
        const string Expected = "expected a list of questions, each with at least id, text and type";
        if (plan.Required("questions", Expected) is not { } node || _values.List(node, plan.PathOf("questions")) is not { } list)
        {
            return null;
        }

        var types = new Dictionary<string, QuestionType?>(StringComparer.Ordinal);
        _questionTypes = types;
        if (list.Children.Count == 0)
        {
            _errors.Add(list, plan.PathOf("questions"), "expected at least one question");
            return null;
        }

        if (list.Children.Count > MaxQuestions)
        {
            _errors.Add(list, plan.PathOf("questions"), Invariant($"expected at most {MaxQuestions} questions, got {list.Children.Count}: a pulse is answered in one chat form"));
            return null;
        }

        var questions = new List<Question>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadQuestion(list.Children[i], FieldPath.Item(plan.PathOf("questions"), i), seen, types) is { } question)
            {
                questions.Add(question);
            }
        }

        return questions;
    }

    private Question? ReadQuestion(
        YamlNode node, string path, Dictionary<string, Mark> seen, Dictionary<string, QuestionType?> types)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, QuestionFields);
        var idNode = fields.Required("id", $"expected the question's id: {Slugs.Rule}");
        var id = idNode is null ? null : _values.Slug(idNode, fields.PathOf("id"), "question id");
        if (idNode is not null && id is not null && !IsFirst(seen, id, idNode, fields.PathOf("id"), "question id"))
        {
            id = null;
        }

        var text = fields.Required("text", "expected the wording shown to the respondent") is { } textNode
            ? _values.Text(textNode, fields.PathOf("text"), MaxQuestionTextLength)
            : null;
        var type = fields.Required("type", $"expected one of {PlanVocabulary.QuestionTypes.Expected}") is { } typeNode
            ? _values.Name(typeNode, fields.PathOf("type"), PlanVocabulary.QuestionTypes, "question type")
            : null;
        if (id is not null)
        {
            types[id] = type;
        }

        var before = _errors.Count;
        var feature = ReadFeatureReference(fields);
        var required = fields.Optional("required") is { } requiredNode
            ? _values.Boolean(requiredNode, fields.PathOf("required"))
            : false;
        var audience = ReadQuestionAudience(fields);
        var options = ReadOptions(fields, type);
        var labels = ReadLabels(fields, type);

        if (id is null || text is null || type is null || required is null || audience is null || options is null
            || _errors.Count != before)
        {
            return null;
        }

        return new Question(id, text, type.Value, feature, required.Value, audience.Value, options, labels);
    }

    private Audience? ReadQuestionAudience(FieldMap fields)
    {
        if (fields.Optional("audience") is not { } node)
        {
            if (_audiences is null)
            {
                return null;
            }

            if (_audiences.Count == 1)
            {
                return _audiences[0];
            }

            // The field is absent or empty here, so asking for it always reports it.
            _ = fields.Required("audience",
                $"the plan has more than one audience, so each question must say who is asked: {Names(_audiences)}");
            return null;
        }

        var audience = _values.Name(node, fields.PathOf("audience"), PlanVocabulary.Audiences, "audience");
        if (audience is { } value && _audiences is not null && !_audiences.Contains(value))
        {
            _errors.Add(node, fields.PathOf("audience"),
                $"audience '{PlanVocabulary.Audiences.NameOf(value)}' is not one of the plan's audiences; expected {Names(_audiences)}");
            return null;
        }

        return audience;
    }

    /// <summary>The options of a choice question; an empty list for other types, which must not have any.</summary>
    private List<string>? ReadOptions(FieldMap fields, QuestionType? type)
    {
        var path = fields.PathOf("options");
        var takesOptions = type is QuestionType.Choice or QuestionType.MultiChoice;
        if (type is { } known && !takesOptions)
        {
            if (fields.KeyOf("options") is { } key)
            {
                _errors.Add(key, path,
                    $"only choice and multichoice questions have options; this is {PlanVocabulary.WithArticle(PlanVocabulary.QuestionTypes.NameOf(known))} question");
                return null;
            }

            return [];
        }

        var typeName = type is { } t ? PlanVocabulary.QuestionTypes.NameOf(t) : "choice";
        var expected = Invariant($"{PlanVocabulary.WithArticle(typeName)} question needs a list of {MinOptions} to {MaxOptions} options");
        var node = takesOptions ? fields.Required("options", expected) : fields.Optional("options");
        if (node is null || _values.List(node, path) is not { } list)
        {
            return takesOptions ? null : [];
        }

        var before = _errors.Count;
        if (list.Children.Count is < MinOptions or > MaxOptions)
        {
            _errors.Add(list, path, Invariant($"expected {MinOptions} to {MaxOptions} options, got {list.Children.Count}"));
        }

        var options = new List<string>();
        var seen = new Dictionary<string, Mark>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = FieldPath.Item(path, i);
            if (_values.Text(item, itemPath) is not { } option)
            {
                continue;
            }

            if (option.Length > MaxOptionLength)
            {
                _errors.Add(item, itemPath, Invariant($"an option may be at most {MaxOptionLength} characters, this one has {option.Length}"));
            }
            else if (type == QuestionType.MultiChoice && option.Contains(',', StringComparison.Ordinal))
            {
                // Teams and Slack hand back the chosen options joined by commas.
                _errors.Add(item, itemPath, "a multichoice option cannot contain a comma; the chosen options come back joined by commas");
            }
            else if (IsFirst(seen, option, item, itemPath, "option"))
            {
                options.Add(option);
            }
        }

        return _errors.Count == before ? options : null;
    }

    /// <summary>
    /// The plan's own words for the five points of a rating5 or agree5 question: all five or none, since a scale
    /// with some points named by the plan and others by the type would read as two scales.
    /// </summary>
    private List<string>? ReadLabels(FieldMap fields, QuestionType? type)
    {
        var path = fields.PathOf("labels");
        if (type is { } known && !ScaleWords.TakesLabels(known))
        {
            if (fields.KeyOf("labels") is { } key)
            {
                _errors.Add(key, path,
                    $"only rating5 and agree5 questions have labels; this is {PlanVocabulary.WithArticle(PlanVocabulary.QuestionTypes.NameOf(known))} question");
            }

            return null;
        }

        if (fields.Optional("labels") is not { } node || _values.List(node, path) is not { } list)
        {
            return null;
        }

        if (list.Children.Count != ScaleWords.LabelCount)
        {
            _errors.Add(list, path, Invariant(
                $"expected {ScaleWords.LabelCount} labels, one for each point from 1 to {ScaleWords.LabelCount}, got {list.Children.Count}; give all {ScaleWords.LabelCount} or leave 'labels' out"));
            return null;
        }

        var before = _errors.Count;
        var labels = new List<string>();
        var seen = new Dictionary<string, Mark>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = FieldPath.Item(path, i);
            if (_values.Text(item, itemPath, MaxLabelLength) is { } label && IsFirst(seen, label.Trim(), item, itemPath, "label"))
            {
                labels.Add(label.Trim());
            }
        }

        return _errors.Count == before ? labels : null;
    }

    private static string Names(IEnumerable<Audience> audiences) =>
        string.Join(", ", audiences.Select(PlanVocabulary.Audiences.NameOf));
}
