#!/usr/bin/env python3
# Lists the functions of core/, ui/ and app/ longer than N lines (default 100), longest first.
# Usage: scripts/function-lengths.py [N]
# Function lengths by brace matching: a function starts where a line ending in ')' (or const,
# override, a member-initialiser list) is followed by a line that is only '{' at the same indent.
import os,re,sys
limit=int(sys.argv[1]) if len(sys.argv)>1 else 100
top=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
res=[]
for root in ('core','ui','app'):
    for dp,dn,fn in os.walk(os.path.join(top, root)):
        for f in fn:
            if not f.endswith(('.cpp','.h')): continue
            p=os.path.join(dp,f); L=open(p).read().split('\n')
            for i in range(1,len(L)):
                m=re.match(r'^(\s*)\{\s*$',L[i])
                if not m: continue
                ind=m.group(1)
                # find header start: go up while previous lines are part of the signature
                j=i-1
                while j>0 and (L[j].startswith(ind+' ') or L[j].startswith(ind+':')) and not L[j].strip().endswith(';') and not L[j].strip().endswith('}'): j-=1
                head=L[j].strip()
                if re.match(r'(class|struct|namespace|enum|union)\b',head) or head.endswith('=') : continue
                # match braces
                depth=0
                for k in range(i,len(L)):
                    depth+=L[k].count('{')-L[k].count('}')
                    if depth==0: break
                n=k-j+1
                if n>limit: res.append((n,os.path.relpath(p, top),head[:100]))
for r in sorted(res,reverse=True): print(*r)
