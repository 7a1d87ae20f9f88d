using System.Globalization;
using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// Slack's Block Kit limits, and a checker that walks a message or a view and reports every place that breaks one.
/// Slack refuses a whole message or view for one broken limit (<c>invalid_blocks</c>), so the renderers cut and cap
/// to these numbers and the tests hold every rendering to them.
/// </summary>
public static class BlockKitLimits
{
    /// <summary>Blocks in a message.</summary>
    public const int MessageBlocks = 50;

    /// <summary>Blocks in a modal or Home tab.</summary>
    public const int ModalBlocks = 100;

    /// <summary>A section's text, and any text object not limited further.</summary>
    public const int SectionText = 3000;

    /// <summary>Fields in one section.</summary>
    public const int SectionFields = 10;

    /// <summary>One section field's text.</summary>
    public const int FieldText = 2000;

    /// <summary>A header's text.</summary>
    public const int HeaderText = 150;

    /// <summary>Elements in an actions block.</summary>
    public const int ActionElements = 25;

    /// <summary>Elements in a context block.</summary>
    public const int ContextElements = 10;

    /// <summary>A button's text.</summary>
    public const int ButtonText = 75;

    /// <summary>A button's value.</summary>
    public const int ButtonValue = 2000;

    /// <summary>A URL on a button.</summary>
    public const int Url = 3000;

    /// <summary>An <c>action_id</c> or <c>block_id</c>, and a modal's <c>callback_id</c>.</summary>
    public const int Id = 255;

    /// <summary>Options of <c>radio_buttons</c> and <c>checkboxes</c>.</summary>
    public const int RadioOptions = 10;

    /// <summary>Options of a static select, or option groups, or options in one group.</summary>
    public const int SelectOptions = 100;

    /// <summary>An option's text, and an option group's label.</summary>
    public const int OptionText = 75;

    /// <summary>An option's value.</summary>
    public const int OptionValue = 150;

    /// <summary>A select's or input's placeholder.</summary>
    public const int Placeholder = 150;

    /// <summary>A modal's title, submit and close texts.</summary>
    public const int ModalTitle = 24;

    /// <summary>A modal's private metadata.</summary>
    public const int PrivateMetadata = 3000;

    /// <summary>An input block's label and hint.</summary>
    public const int InputLabel = 2000;

    /// <summary>The longest <c>max_length</c> of a plain text input.</summary>
    public const int TextInputLength = 3000;

    /// <summary>
    /// The fallback text of a message the bot sends; Slack takes up to 40,000 characters but the text is only a
    /// notification and a stand-in for the blocks.
    /// </summary>
    public const int FallbackText = 3000;

    /// <summary>
    /// Every limit <paramref name="surface"/> breaks, each as "path: what is wrong"; empty when Slack would accept it.
    /// A surface with <c>type</c> modal or home is a view, anything else a message (<c>text</c> and <c>blocks</c>).
    /// </summary>
    public static IReadOnlyList<string> Check(JsonObject surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var check = new LimitCheck();
        check.Surface(surface);
        return check.Problems;
    }

    /// <summary>Every limit a rendered message breaks.</summary>
    public static IReadOnlyList<string> Check(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Check(message.ToJson());
    }

    internal static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
