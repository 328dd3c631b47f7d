namespace SeatGuard.Core.Credentials;

/// <summary>How Claude Code's interactive mode treats the effective API key.</summary>
public enum ApiKeyApproval { NotApplicable, Approved, Rejected, NotYetAsked }
