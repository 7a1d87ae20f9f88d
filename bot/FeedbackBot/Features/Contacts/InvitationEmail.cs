using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace FeedbackBot.Features.Contacts;

/// <summary>What one survey e-mail says: whose survey, why, the customer's own link and how to stop these e-mails.</summary>
/// <param name="From">The sender, as <c>Email:Smtp:From</c> gives it.</param>
/// <param name="To">The customer's address.</param>
/// <param name="PlanName">The plan's name, which signs the e-mail.</param>
/// <param name="Why">A short reason to answer: the plan's description, or a default.</param>
/// <param name="QuestionCount">How many questions the survey has.</param>
/// <param name="Channel">How the customer was last in touch (phone, email, ...), when known.</param>
/// <param name="Survey">The single-use survey link.</param>
/// <param name="Unsubscribe">The one-click unsubscribe link.</param>
/// <param name="LastDay">The last day the link works, in the plan's time zone.</param>
/// <param name="Reminder">Whether this is the reminder.</param>
/// <param name="MessageId">The Message-Id, the same on every attempt of one outbox row, so a receiver can drop a repeat.</param>
internal sealed record InvitationEmailContent(
    string From,
    string To,
    string PlanName,
    string Why,
    int QuestionCount,
    string? Channel,
    Uri Survey,
    Uri Unsubscribe,
    DateOnly LastDay,
    bool Reminder,
    string MessageId);

/// <summary>
/// Builds a survey invitation or reminder: a plain-text part and an HTML part saying the same, and the RFC 8058
/// headers with which mail programs show their own "unsubscribe" button and post to it in one click.
/// </summary>
internal static class InvitationEmail
{
    public static MimeMessage Compose(InvitationEmailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new MimeMessage { Subject = Subject(content), MessageId = content.MessageId };
        message.From.Add(MailboxAddress.Parse(content.From));
        message.To.Add(MailboxAddress.Parse(content.To));
        message.Headers.Add("List-Unsubscribe", $"<{content.Unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // An automatic message: out-of-office replies and the like are not sent back to it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = Text(content), HtmlBody = Html(content) }.ToMessageBody();
        return message;
    }

    public static string Subject(InvitationEmailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Reminder ? $"Reminder: {content.PlanName}: how did we do?" : $"{content.PlanName}: how did we do?";
    }

    private static string Opening(InvitationEmailContent content)
    {
        var contact = content.Channel switch
        {
            "phone" => "You spoke to us by phone recently.",
            "email" => "You e-mailed us recently.",
            "chat" => "You chatted with us recently.",
            "face_to_face" => "You met us in person recently.",
            "social" => "You contacted us on social media recently.",
            _ => "You were in touch with us recently.",
        };
        return content.Reminder
            ? $"{contact} A few days ago we asked how we did, and we would still like to hear from you."
            : $"{contact} We would like to hear how we did.";
    }

    private static string Questions(InvitationEmailContent content) =>
        content.QuestionCount == 1 ? "one question" : string.Create(CultureInfo.InvariantCulture, $"{content.QuestionCount} short questions");

    private static string LastDay(InvitationEmailContent content) => content.LastDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Text(InvitationEmailContent content)
    {
        var text = new StringBuilder();
        text.Append("Hello,\n\n");
        text.Append(Opening(content)).Append("\n\n");
        text.Append(content.Why).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Please answer our survey ({Questions(content)}):\n{content.Survey.AbsoluteUri}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The link is yours alone and works until {LastDay(content)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Thank you,\n{content.PlanName}\n\n");
        text.Append("-- \n");
        text.Append(CultureInfo.InvariantCulture, $"We sent this because you were in touch with us. To get no more survey e-mails from us, unsubscribe here:\n{content.Unsubscribe.AbsoluteUri}\n");
        return text.ToString();
    }

    private static string Html(InvitationEmailContent content)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var survey = E(content.Survey.AbsoluteUri);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(Subject(content))}</title>\n</head>\n");
        html.Append("<body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#ffffff;margin:0;padding:16px\">\n");
        html.Append("<div style=\"max-width:560px;margin:0 auto\">\n");
        html.Append("<p>Hello,</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Opening(content))}</p>\n<p>{E(content.Why)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{survey}\" style=\"display:inline-block;padding:12px 20px;background:#0b4f94;color:#ffffff;text-decoration:none;border-radius:4px\">Answer the survey ({E(Questions(content))})</a></p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Or open this address: <a href=\"{survey}\">{survey}</a></p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>The link is yours alone and works until {E(LastDay(content))}.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Thank you,<br>{E(content.PlanName)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<hr>\n<p style=\"font-size:14px;color:#4a4a4a\">We sent this because you were in touch with us. <a href=\"{E(content.Unsubscribe.AbsoluteUri)}\">Unsubscribe</a> to get no more survey e-mails from us.</p>\n");
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }
}
