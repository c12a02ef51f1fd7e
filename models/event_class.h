/* event_class.h - the model's event classes. At equal times a lower class runs first
 * (docs/contract.md §4): the warm-up reset, then replenishment receipts, then reviews, then
 * customer order events. */
#ifndef MODELS_EVENT_CLASS_H
#define MODELS_EVENT_CLASS_H

enum event_class {
    EVENT_RESET = 0,
    EVENT_RECEIPT = 1,
    EVENT_REVIEW = 2,
    EVENT_ORDER = 3,
};

#endif
