using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>How costs are computed.</summary>
public enum CostMode
{
    /// <summary>Anthropic's published rules: long-context premium on every token of a request over 200k input-side tokens; <c>costUSD</c> ignored.</summary>
    Anthropic,
    /// <summary>ccusage 20.0.24's figures: premium only on each token type's excess over 200k; a line's <c>costUSD</c> is used when present.</summary>
    Ccusage,
}
