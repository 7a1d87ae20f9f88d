using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Scorecards;

/// <summary>How the customer and the member of staff were in touch in an interaction that is evaluated.</summary>
/// <remarks>The JSON names are the plan file's and the evaluation import's spellings.</remarks>
public enum InteractionChannel
{
    /// <summary>A phone call.</summary>
    Phone,

    /// <summary>An e-mail thread.</summary>
    Email,

    /// <summary>A web or app chat.</summary>
    Chat,

    /// <summary>At a counter or in person.</summary>
    [JsonStringEnumMemberName("face_to_face")]
    FaceToFace,

    /// <summary>A social media message or post.</summary>
    Social,

    /// <summary>Any other channel.</summary>
    Other,
}
