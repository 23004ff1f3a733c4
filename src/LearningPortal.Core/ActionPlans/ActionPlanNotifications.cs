using LearningPortal.Core.Notifications;

namespace LearningPortal.Core.ActionPlans;

/// <summary>A plan or one of its actions changed (so a public briefing page showing its progress is out of date). Raised after commit.</summary>
public sealed record ActionPlanChanged(int PlanId, int? DocumentId) : INotification;
