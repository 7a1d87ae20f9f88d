using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// The survey page: the web's renderer of the channel-neutral <see cref="SurveyPrompt"/> that cards draw in chat,
/// so the questions, scale words and error messages are the same everywhere. Plain HTML with no script: a fieldset
/// with a legend per scale or choice question, real labels, required questions said in words and in ARIA, and,
/// when answers come back refused, a summary at the top linking to each error beside its question.
/// </summary>
internal static class SurveyPage
{
    // Every script keeps its letters readable in the source; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page of questions; <paramref name="action"/> is where it posts, relative to the page.</summary>
    public static string Form(SurveyPrompt prompt, string action, string styleHref)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var errors = prompt.Errors;
        var html = new StringBuilder();
        Head(html, (errors.Count > 0 ? "Error: " : string.Empty) + prompt.Title, styleHref);
        html.Append("<h1>").Append(Encode(prompt.Title)).Append("</h1>\n");
        if (errors.Count > 0)
        {
            // Focused on arrival (autofocus needs no script), so the next Tab reaches the first link to an error.
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus>\n")
                .Append("<h2 id=\"error-summary-title\">There is a problem with your answers</h2>\n<ul>\n");
            foreach (var question in prompt.Questions.Where(q => errors.ContainsKey(q.Id)))
            {
                html.Append("<li><a href=\"#").Append(Encode(FirstInputId(question))).Append("\">")
                    .Append(Encode(question.Text)).Append(" – ").Append(Encode(errors[question.Id])).Append("</a></li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        if (prompt.Intro is { Length: > 0 } intro)
        {
            html.Append("<p>").Append(Encode(intro)).Append("</p>\n");
        }

        html.Append("<p class=\"hint\">Questions marked <strong>(required)</strong> need an answer; you may leave the others out.</p>\n")
            .Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\" novalidate accept-charset=\"utf-8\">\n");
        foreach (var question in prompt.Questions)
        {
            Question(html, question, prompt.Values.GetValueOrDefault(question.Id), errors.GetValueOrDefault(question.Id));
        }

        html.Append("<button type=\"submit\">Send my answers</button>\n</form>\n");
        return Foot(html);
    }

    /// <summary>A page with a heading and a line, and nothing of the survey: thanks, already answered, a dead link.</summary>
    public static string Message(string heading, string text, string styleHref)
    {
        var html = new StringBuilder();
        Head(html, heading, styleHref);
        html.Append("<h1>").Append(Encode(heading)).Append("</h1>\n<p>").Append(Encode(text)).Append("</p>\n");
        return Foot(html);
    }

    /// <summary>The id of a question's first input, which a link to its error moves to.</summary>
    public static string FirstInputId(SurveyQuestion question) =>
        question.Choices.Count > 0 ? InputId(question, 0) : InputId(question, null);

    private static void Question(StringBuilder html, SurveyQuestion question, string? value, string? error)
    {
        var errorId = $"q-{question.Id}-error";
        var required = question.Required ? " <span class=\"required\">(required)</span>" : string.Empty;
        if (question.Choices.Count == 0)
        {
            html.Append("<div class=\"question").Append(error is null ? string.Empty : " has-error").Append("\">\n")
                .Append("<label for=\"").Append(Encode(InputId(question, null))).Append("\">").Append(Encode(question.Text)).Append(required).Append("</label>\n");
            Error(html, errorId, error);
            html.Append("<textarea id=\"").Append(Encode(InputId(question, null))).Append("\" name=\"").Append(Encode(question.Id)).Append("\" rows=\"5\"");
            if (question.MaxLength is { } maxLength)
            {
                html.Append(" maxlength=\"").Append(maxLength).Append('"');
            }

            Aria(html, question.Required, error is null ? null : errorId);
            html.Append('>').Append(Encode(value)).Append("</textarea>\n</div>\n");
            return;
        }

        // One radio group per single answer, which also lets the group say it is required; check boxes are a plain group.
        var scale = AnswerValues.ScaleOf(question.Type) is not null;
        var chosen = question.MultiSelect
            ? value?.Split([',', AnswerValues.ChoiceSeparator], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []
            : value is null ? [] : [value.Trim()];
        var legendId = $"q-{question.Id}-legend";
        html.Append("<fieldset class=\"question").Append(error is null ? string.Empty : " has-error").Append('"');
        if (!question.MultiSelect)
        {
            html.Append(" role=\"radiogroup\" aria-labelledby=\"").Append(Encode(legendId)).Append('"');
            Aria(html, question.Required, error is null ? null : errorId);
        }
        else if (error is not null)
        {
            html.Append(" aria-describedby=\"").Append(Encode(errorId)).Append('"');
        }

        html.Append(">\n<legend id=\"").Append(Encode(legendId)).Append("\">").Append(Encode(question.Text)).Append(required);
        if (question.MultiSelect)
        {
            html.Append(" <span class=\"hint\">Choose any that apply.</span>");
        }

        html.Append("</legend>\n");
        Error(html, errorId, error);
        html.Append("<div class=\"choices").Append(scale ? " scale" : string.Empty).Append("\">\n");
        for (var i = 0; i < question.Choices.Count; i++)
        {
            var choice = question.Choices[i];
            var isChosen = chosen.Any(c => string.Equals(c, choice.Value, StringComparison.OrdinalIgnoreCase));
            html.Append("<label class=\"choice\" for=\"").Append(Encode(InputId(question, i))).Append("\"><input type=\"")
                .Append(question.MultiSelect ? "checkbox" : "radio").Append("\" id=\"").Append(Encode(InputId(question, i)))
                .Append("\" name=\"").Append(Encode(question.Id)).Append("\" value=\"").Append(Encode(choice.Value)).Append('"')
                .Append(isChosen ? " checked" : string.Empty).Append("> <span>").Append(Encode(choice.Label)).Append("</span></label>\n");
        }

        html.Append("</div>\n</fieldset>\n");
    }

    private static void Aria(StringBuilder html, bool required, string? errorId)
    {
        if (required)
        {
            html.Append(" aria-required=\"true\"");
        }

        if (errorId is not null)
        {
            html.Append(" aria-invalid=\"true\" aria-describedby=\"").Append(Encode(errorId)).Append('"');
        }
    }

    private static void Error(StringBuilder html, string errorId, string? error)
    {
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(Encode(errorId)).Append("\"><span class=\"visually-hidden\">Error: </span>")
                .Append(Encode(error)).Append("</p>\n");
        }
    }

    private static string InputId(SurveyQuestion question, int? choice) =>
        choice is { } index ? $"q-{question.Id}-{index + 1}" : $"q-{question.Id}";

    private static void Head(StringBuilder html, string title, string styleHref) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(styleHref)).Append("\">\n")
            .Append("</head>\n<body>\n<main>\n");

    private static string Foot(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    private static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);
}

