/**
 * Libraries that only exports, imports, printable forms and SMTP delivery need, loaded on first use instead of at
 * start-up: together they were ~0.5 s of every start and ~60 MB of resident memory in a process that may
 * never render a PDF or a workbook (bench/README.md, start-up and surge). Loaded synchronously (`require`)
 * so that the streaming exporters keep returning their stream at once.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type Nodemailer from 'nodemailer';
import type PDFDocumentClass from 'pdfkit';

const require = createRequire(import.meta.url);

let excel: typeof ExcelJS | undefined;
let pdfDocument: typeof PDFDocumentClass | undefined;
let mailer: typeof Nodemailer | undefined;

/** exceljs (~0.3 s and ~30 MB to load here). */
export function exceljs(): typeof ExcelJS {
  excel ??= require('exceljs') as typeof ExcelJS;
  return excel;
}

/** pdfkit's PDFDocument (~0.15 s and ~25 MB to load here). */
export function pdfkit(): typeof PDFDocumentClass {
  pdfDocument ??= require('pdfkit') as typeof PDFDocumentClass;
  return pdfDocument;
}

/** nodemailer, needed only when an SMTP server is configured (~13 MB). */
export function nodemailer(): typeof Nodemailer {
  mailer ??= require('nodemailer') as typeof Nodemailer;
  return mailer;
}
