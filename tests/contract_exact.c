/* contract_exact.c - see contract_exact.h. */
#include "contract_exact.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct outcome {
    double fill, p;
};

static int by_fill(const void *a, const void *b)
{
    double x = ((const struct outcome *)a)->fill, y = ((const struct outcome *)b)->fill;
    return (x > y) - (x < y);
}

int contract_exact_solve(const struct contract_exact_model *m, struct contract_exact_result *r)
{
    memset(r, 0, sizeof *r);
    if (m->S < 1 || m->S > 200 || !(m->lambda > 0) || !(m->mu > 0) || !(m->T > 0)) {
        fprintf(stderr, "contract_exact: model out of range\n");
        return -1;
    }
    int S = m->S;
    double Lambda = m->lambda + S * m->mu, LT = Lambda * m->T;
    /* the number of jumps: Poisson(LT), cut where the tail is below 1e-13 */
    size_t K = (size_t)ceil(LT + 12 * sqrt(LT) + 20);
    size_t nD = K + 1; /* D <= jumps; L <= D */
    size_t states = (size_t)(S + 1) * nD * nD;
    double *p = calloc(states, sizeof *p), *q = calloc(states, sizeof *q), *acc = calloc(nD * nD, sizeof *acc);
    if (!p || !q || !acc) abort();
#define AT(n, d, l) (((size_t)(n)*nD + (d)) * nD + (l))
    /* stationary: truncated Poisson with mean lambda / mu */
    double a = m->lambda / m->mu, sum = 0, w = 1;
    for (int n = 0; n <= S; n++) {
        p[AT(n, 0, 0)] = w;
        sum += w;
        w *= a / (n + 1);
    }
    for (int n = 0; n <= S; n++) p[AT(n, 0, 0)] /= sum;
    double pk = exp(-LT), tail = 1; /* P(K = k), P(K >= k) */
    double pd = m->lambda / Lambda;
    for (size_t k = 0; k <= K; k++) {
        /* the period ends after exactly k jumps with probability pk */
        for (size_t d = 0; d <= k; d++)
            for (size_t l = 0; l <= d; l++) {
                double s = 0;
                for (int n = 0; n <= S; n++) s += p[AT(n, d, l)];
                acc[d * nD + l] += pk * s;
            }
        tail -= pk;
        if (k == K) break;
        /* one jump */
        memset(q, 0, states * sizeof *q);
        for (int n = 0; n <= S; n++) {
            double pdeath = n * m->mu / Lambda, pstay = 1 - pd - pdeath;
            for (size_t d = 0; d <= k; d++)
                for (size_t l = 0; l <= d; l++) {
                    double x = p[AT(n, d, l)];
                    if (x == 0) continue;
                    if (n < S)
                        q[AT(n + 1, d + 1, l)] += pd * x;
                    else
                        q[AT(n, d + 1, l + 1)] += pd * x;
                    if (n > 0) q[AT(n - 1, d, l)] += pdeath * x;
                    q[AT(n, d, l)] += pstay * x;
                }
        }
        double *t = p;
        p = q;
        q = t;
        pk *= LT / (double)(k + 1);
    }
#undef AT
    r->dropped_mass = tail;
    /* the outcomes (D > 0): fill rate 1 - L / D */
    struct outcome *o = malloc(nD * nD * sizeof *o);
    if (!o) abort();
    size_t no = 0;
    double pos = 0, sq = 0;
    r->p_no_demand = acc[0];
    for (size_t d = 1; d < nD; d++)
        for (size_t l = 0; l <= d; l++) {
            double pr = acc[d * nD + l];
            if (pr <= 0) continue;
            r->mean_demanded += pr * (double)d;
            r->mean_lost += pr * (double)l;
            double fill = 1 - (double)l / (double)d;
            o[no++] = (struct outcome){fill, pr};
            pos += pr;
            r->mean_fill += pr * fill;
            sq += pr * fill * fill;
            double short_by = m->target - fill;
            if (short_by > 1e-12) {
                r->p_missed += pr;
                r->penalty_per_period += pr * (m->penalty_per_point * 100 * short_by + m->penalty_per_missed_period);
            }
        }
    r->mean_fill /= pos;
    r->sd_fill = sqrt(sq / pos - r->mean_fill * r->mean_fill);
    qsort(o, no, sizeof *o, by_fill);
    r->cdf_x = malloc(no * sizeof *r->cdf_x);
    r->cdf_p = malloc(no * sizeof *r->cdf_p);
    if (!r->cdf_x || !r->cdf_p) abort();
    double c = 0;
    for (size_t i = 0; i < no; i++) {
        c += o[i].p / pos;
        if (r->ncdf && o[i].fill == r->cdf_x[r->ncdf - 1])
            r->cdf_p[r->ncdf - 1] = c;
        else {
            r->cdf_x[r->ncdf] = o[i].fill;
            r->cdf_p[r->ncdf++] = c;
        }
    }
    free(o);
    free(p);
    free(q);
    free(acc);
    return 0;
}

void contract_exact_free(struct contract_exact_result *r)
{
    free(r->cdf_x);
    free(r->cdf_p);
    r->cdf_x = r->cdf_p = NULL;
    r->ncdf = 0;
}

double contract_exact_cdf(const struct contract_exact_result *r, double x)
{
    double c = 0;
    for (size_t i = 0; i < r->ncdf && r->cdf_x[i] <= x + 1e-12; i++) c = r->cdf_p[i];
    return c;
}
