using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("TrainingApprovalRequests");
        builder.Property(a => a.ManagerName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ManagerEmail).HasMaxLength(256).IsRequired();
        builder.Property(a => a.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.DeclineReason).HasMaxLength(1000);
        builder.HasIndex(a => a.TokenHash).IsUnique();

        // The expiry sweep looks for pending requests past their time.
        builder.HasIndex(a => new { a.Outcome, a.ExpiresUtc });
        builder.HasOne(a => a.Booking).WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
