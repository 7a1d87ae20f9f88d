namespace FeedbackBot.Features.Scheduling;

/// <summary><c>Admin:Password</c>: the password of the user "admin" on the admin pages; empty serves them to loopback only.</summary>
internal sealed class AdminOptions
{
    public const string PasswordKey = "Admin:Password";
    public const string UserName = "admin";

    public string? Password { get; set; }
}
