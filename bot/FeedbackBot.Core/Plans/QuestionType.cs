using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Plans;

/// <summary>The kinds of question a plan may ask; each fixes the values an answer may take.</summary>
/// <remarks>The JSON names are the plan file's spellings.</remarks>
public enum QuestionType
{
    /// <summary>A rating from 1 (worst) to 5 (best); the basis of CSAT.</summary>
    Rating5,

    /// <summary>Likelihood to recommend, 0 to 10; the basis of NPS.</summary>
    Nps,

    /// <summary>Effort from 1 (very easy) to 7 (very difficult); the basis of CES.</summary>
    Effort7,

    /// <summary>Yes or no; the basis of first-contact resolution.</summary>
    [JsonStringEnumMemberName("yesno")]
    YesNo,

    /// <summary>One option from the question's list.</summary>
    Choice,

    /// <summary>Any number of options from the question's list.</summary>
    [JsonStringEnumMemberName("multichoice")]
    MultiChoice,

    /// <summary>Free text, analysed for themes and sentiment.</summary>
    Text,

    /// <summary>
    /// Agreement with a statement, from 1 (strongly disagree) to 5 (strongly agree); analysed like a rating5, its
    /// share of 4 and 5 is the <see cref="KpiMetric.Agree"/> KPI. Last in the enum so no stored number changes meaning.
    /// </summary>
    Agree5,
}
