using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifRule(string Id, string Name, SarifText ShortDescription, SarifText FullDescription, SarifHelp Help,
    SarifConfiguration DefaultConfiguration, SarifRuleProperties Properties);
