import { z } from "zod";
import { claimVersionSchema } from "../verdicts/schema";

// The claim version the admin read: approving an older one is refused (409).
export const approveSchema = z.object({ version: claimVersionSchema });
