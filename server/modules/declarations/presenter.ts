import type { z } from 'zod';
import type { attachmentDto, DeclarationDto, declarationSummaryDto } from '../../../domain/api-contract.ts';
import {
  completeness,
  type DeclarationContent,
  type EvidenceCategory,
  missingItems,
} from '../../../domain/declaration-form.ts';
import { checkStandards } from '../../../domain/standards.ts';
import { allowedDeclarationActions, type DeclarationStatus } from '../../../domain/workflow.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { AttachmentRow, DeclarationRow } from './repo.ts';

export {
  attachmentDto,
  type DeclarationDto,
  declarationDto,
  declarationSummaryDto,
} from '../../../domain/api-contract.ts';

export function presentAttachment(
  a: AttachmentRow & { uploadedByName?: string | null },
): z.infer<typeof attachmentDto> {
  return {
    id: a.id,
    // Stored only after validation against the form's categories.
    category: a.category as EvidenceCategory,
    filename: a.filename,
    size: a.size,
    sha256: a.sha256,
    contentType: a.contentType,
    uploadedAt: a.createdAt.toISOString(),
    uploadedBy: a.createdBy ? { id: a.createdBy, displayName: a.uploadedByName ?? '' } : null,
  };
}

/** The declaration as the API returns it: content at the top level, plus status, evidence and what the caller may do. */
export function presentDeclaration(
  d: DeclarationRow,
  extra: {
    divisionName: string;
    unitName: string;
    attachments: (AttachmentRow & { uploadedByName?: string | null })[];
    updatedByName: string | null;
    caller: Caller;
    unitDecision: DeclarationDto['unitDecision'];
  },
): DeclarationDto {
  const content = d.content as DeclarationContent;
  const categories = extra.attachments.map((a) => a.category);
  return {
    ...content,
    id: d.id,
    campaignYear: d.campaignYear,
    formVersion: d.formVersion,
    standardsVersion: d.standardsVersion,
    divisionCode: d.divisionCode,
    divisionName: extra.divisionName,
    unitCode: d.unitCode,
    unitName: extra.unitName,
    status: d.status as DeclarationStatus,
    version: d.version,
    submittedVersion: d.submittedVersion,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    submittedAt: d.submittedAt?.toISOString() ?? null,
    updatedBy: d.updatedBy ? { id: d.updatedBy, displayName: extra.updatedByName ?? '' } : null,
    attachments: extra.attachments.map(presentAttachment),
    missing: missingItems(content, categories),
    completeness: completeness(content, categories),
    allowedActions: allowedDeclarationActions(d.status as DeclarationStatus, extra.caller.role),
    unitDecision: extra.unitDecision,
  };
}

export function presentSummary(
  r: { d: DeclarationRow; divisionName: string; unitName: string; categories: string[] },
  caller: Caller,
): z.infer<typeof declarationSummaryDto> {
  const content = r.d.content as DeclarationContent;
  return {
    id: r.d.id,
    campaignYear: r.d.campaignYear,
    clusterName: content.clusterName,
    leadingIndustry: content.leadingIndustry,
    standardsOverall: checkStandards(content, r.d.standardsVersion).overall,
    status: r.d.status as DeclarationStatus,
    version: r.d.version,
    divisionCode: r.d.divisionCode,
    divisionName: r.divisionName,
    unitCode: r.d.unitCode,
    unitName: r.unitName,
    updatedAt: r.d.updatedAt.toISOString(),
    submittedAt: r.d.submittedAt?.toISOString() ?? null,
    completeness: completeness(content, r.categories),
    allowedActions: allowedDeclarationActions(r.d.status as DeclarationStatus, caller.role),
  };
}
